"""Driver for bench/reload.sh: corpus, servers, timing. Deterministic corpus; medians over a few runs."""
import os, re, shutil, socket, sqlite3, statistics, subprocess, sys, time
from reload_corpus import generate

binary, work = os.environ["BINARY"], os.environ["WORK"]
feeds, items = int(os.environ["FEEDS"]), int(os.environ["ITEMS"])
cold_runs, warm_runs = int(os.environ["COLD_RUNS"]), int(os.environ["WARM_RUNS"])

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def timed(argv, env, prepare=None):
    if prepare:
        prepare()
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(f"  {argv[0]} exited {done.returncode}: {done.stderr.decode(errors='replace')[-300:]}\n")
    return elapsed

def median_of(runs, argv, env, prepare=None):
    return statistics.median(timed(argv, env, prepare) for _ in range(runs))

def fts_floor(corpus, runs=3):
    """The cold floor: every article's words into an FTS5 table with the store's tokenizer (StoreSchema), in one
    transaction, through the same SQLite library, and nothing else. Seconds, fastest of `runs`."""
    item = re.compile(r"<item>\n<title>(.*?)</title>.*?<content:encoded><!\[CDATA\[(.*?)\]\]>", re.S)
    tag = re.compile(r"<[^>]*>")
    rows = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".xml"):
            with open(os.path.join(corpus, name), encoding="utf-8") as fh:
                rows += [(title, "", name, tag.sub(" ", body)) for title, body in item.findall(fh.read())]
    path = os.path.join(work, "fts-floor.sqlite")
    best = None
    for _ in range(runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix): os.remove(path + suffix)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE VIRTUAL TABLE s USING fts5(title, authors, feed_title, body, tokenize = 'unicode61 remove_diacritics 2')")
        start = time.perf_counter()
        db.execute("BEGIN")
        db.executemany("INSERT INTO s(title, authors, feed_title, body) VALUES (?, ?, ?, ?)", rows)
        db.execute("COMMIT")
        elapsed = time.perf_counter() - start
        db.close()
        best = elapsed if best is None else min(best, elapsed)
    return len(rows), best

def urlsession_floor(urls, runs=5):
    """The warm floor over HTTP: URLSession alone (bench/urlsession_floor.swift). Milliseconds and 304 count."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "urlsession_floor.swift")
    program = os.path.join(work, "urlsession-floor")
    if not os.path.exists(program) or os.path.getmtime(program) < os.path.getmtime(source):
        subprocess.run(["swiftc", "-O", source, "-o", program], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run([program, str(runs)] + urls, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])

def bench(name, label, urls):
    home = os.path.join(work, name)
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(os.path.join(home, "config/qnread"))
    urls_file = os.path.join(home, "urls")
    with open(urls_file, "w") as fh:
        fh.write("\n".join(urls) + "\n")
    shutil.copy(urls_file, os.path.join(home, "config/qnread/feeds"))
    db, cache = os.path.join(home, "qnread.sqlite"), os.path.join(home, "newsboat-cache.db")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               QNREAD_SYSTEM_FEEDS="/nonexistent", QNREAD_SYSTEM_CONFIG="/nonexistent", LANG="C.UTF-8")
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(proxy, None)
    def fresh_qnread():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix): os.remove(db + suffix)
    def fresh_newsboat():
        if os.path.exists(cache): os.remove(cache)
    qn = [binary, "--db", db, "reload"]
    nb = ["newsboat", "-u", urls_file, "-c", cache, "-C", "/dev/null", "-x", "reload"]
    cold_q = median_of(cold_runs, qn, env, fresh_qnread)
    warm_q = median_of(warm_runs, qn, env)
    cold_n = median_of(cold_runs, nb, env, fresh_newsboat)
    warm_n = median_of(warm_runs, nb, env)
    print(f"{label}: {feeds} feeds × {items} items")
    print(f"  cold reload, empty store, median of {cold_runs}: qnread {cold_q*1000:.0f} ms, newsboat {cold_n*1000:.0f} ms → qnread {cold_n/cold_q:.1f}× faster (target ≥ 15×)")
    print(f"  warm reload, nothing new, median of {warm_runs}: qnread {warm_q*1000:.0f} ms, newsboat {warm_n*1000:.0f} ms → qnread {warm_n/warm_q:.1f}× faster (target ≥ 100×)")
    return cold_n, warm_n

corpus = generate(work, feeds, items)
size = sum(os.path.getsize(os.path.join(corpus, n)) for n in os.listdir(corpus))
print(f"corpus: {feeds} feeds × {items} items, {size/1e6:.1f} MB in {corpus}")
port = free_port()
server = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "feed_server.py"), str(port), corpus],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".xml"))
    http_urls = [f"http://127.0.0.1:{port}/{n}" for n in names]
    cold_n, warm_n = bench("http", "http (Python's http.server, HTTP/1.1, on 127.0.0.1)", http_urls)
    bench("file", "file://", [f"file://{os.path.join(corpus, n)}" for n in names])
    # What the parts the issue prescribes cost alone, against the budgets its targets leave (from the HTTP run).
    articles, fts = fts_floor(corpus)
    floor_ms, not_modified = urlsession_floor(http_urls)
    print("floors, same run (the prescribed parts alone, no qnread code):")
    print(f"  FTS5 index of the {articles} articles' words, one transaction, fastest of 3: {fts*1000:.0f} ms; "
          f"a 15× cold reload must take at most {cold_n/15*1000:.0f} ms in all")
    print(f"  URLSession, {len(http_urls)} conditional GETs, 2 connections, median of 5 passes: {floor_ms:.0f} ms "
          f"({not_modified} answered 304); a 100× warm reload must take at most {warm_n/100*1000:.0f} ms in all")
finally:
    server.terminate()
    server.wait()
