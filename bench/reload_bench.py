"""Driver for bench/reload.sh: corpus, servers, timing. Deterministic corpus; medians over a few runs."""
import os, socket, subprocess, sys, time
from bench_support import Home, median_of
from reload_corpus import generate
from store_floor import corpus_bodies, fastest_write, read_store

binary, work = os.environ["BINARY"], os.environ["WORK"]
feeds, items = int(os.environ["FEEDS"]), int(os.environ["ITEMS"])
cold_runs, warm_runs = int(os.environ["COLD_RUNS"]), int(os.environ["WARM_RUNS"])

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def fts_floor(page_size, tables, runs=3):
    """The search index alone, from `read_store`'s rows: every article's words into an FTS5 table with the store's
    tokenizer and column order (StoreSchema), in one transaction, nothing else. Seconds, fastest of `runs`."""
    schema = ["CREATE VIRTUAL TABLE article_search USING fts5(body, title, authors, feed_title, "
              "tokenize = 'unicode61 remove_diacritics 2')"]
    return fastest_write(os.path.join(work, "fts-floor.sqlite"), page_size, schema, tables[-1:], runs)

def transport_floor(source_name, build, urls, runs=5):
    """The warm floor over HTTP for one transport alone: the program built from bench/SOURCE_NAME by
    `build(source, program)` (again when the source is newer) sends the conditional GETs. Milliseconds and 304 count."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), source_name)
    program = os.path.join(work, os.path.splitext(source_name)[0].replace("_", "-"))
    if not os.path.exists(program) or os.path.getmtime(program) < os.path.getmtime(source):
        subprocess.run(build(source, program), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run([program, str(runs)] + urls, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])

def bench(name, label, urls):
    home = Home(os.path.join(work, name), urls)
    urls_file, db, cache, env = home.urls_file, home.db, home.cache, home.env
    def fresh_qnread():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix): os.remove(db + suffix)
    def fresh_newsboat():
        if os.path.exists(cache): os.remove(cache)
    qn = [binary, "--db", db, "reload"]
    nb = ["newsboat", "-u", urls_file, "-c", cache, "-C", "/dev/null", "-x", "reload"]
    cold_q, cold_q_peak = median_of(cold_runs, qn, env, fresh_qnread)
    warm_q, warm_q_peak = median_of(warm_runs, qn, env)
    cold_n, cold_n_peak = median_of(cold_runs, nb, env, fresh_newsboat)
    warm_n, warm_n_peak = median_of(warm_runs, nb, env)
    print(f"{label}: {feeds} feeds × {items} items")
    print(f"  cold reload, empty store, median of {cold_runs}: qnread {cold_q*1000:.0f} ms, newsboat {cold_n*1000:.0f} ms → qnread {cold_n/cold_q:.1f}× faster (target ≥ 15×)")
    print(f"  warm reload, nothing new, median of {warm_runs}: qnread {warm_q*1000:.0f} ms, newsboat {warm_n*1000:.0f} ms → qnread {warm_n/warm_q:.1f}× faster (target ≥ 100×)")
    print(f"  peak memory, highest of the runs: cold qnread {cold_q_peak:.0f} MiB, newsboat {cold_n_peak:.0f} MiB; "
          f"warm qnread {warm_q_peak:.0f} MiB, newsboat {warm_n_peak:.0f} MiB")
    return cold_q, cold_n, warm_n, db

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
    cold_q, cold_n, warm_n, http_db = bench("http", "http (Python's http.server, HTTP/1.1, on 127.0.0.1)", http_urls)
    cold_file, _, _, _ = bench("file", "file://", [f"file://{os.path.join(corpus, n)}" for n in names])
    # The whole store write alone, from the rows the HTTP reload left (bench/store_floor.py).
    page_size, schema, tables, floor_articles = read_store(http_db, corpus_bodies(os.path.join(corpus, n) for n in names))
    floor = fastest_write(os.path.join(work, "store-floor.sqlite"), page_size, schema, tables)
    # What the parts the issue prescribes cost alone, against the budgets its targets leave (from the HTTP run).
    fts = fts_floor(page_size, tables)
    # qnread's transport (libcurl's multi interface, set up as FeedFetching sets it up), and the one it replaced.
    curl_ms, curl_not_modified = transport_floor("curl_floor.c", lambda c, p: ["gcc", "-O2", c, "-o", p, "-lcurl"], http_urls)
    floor_ms, not_modified = transport_floor("urlsession_floor.swift", lambda c, p: ["swiftc", "-O", c, "-o", p], http_urls)
    print("floors, same run (the prescribed parts alone, no qnread code):")
    print(f"  the store write alone: the {floor_articles} articles' rows, statuses and search index as the cold reload left them, "
          f"by SQLite alone in one transaction, fastest of 3: {floor*1000:.0f} ms; qnread's cold reload is "
          f"{cold_q/floor:.2f}× that over HTTP, {cold_file/floor:.2f}× from file:// (target ≤ 1.5×)")
    print(f"  FTS5 index of the {floor_articles} articles' words, one transaction, fastest of 3: {fts*1000:.0f} ms; "
          f"a 15× cold reload must take at most {cold_n/15*1000:.0f} ms in all")
    print(f"  libcurl's multi interface (qnread's transport), {len(http_urls)} conditional GETs, 2 connections, "
          f"median of 5 passes: {curl_ms:.0f} ms ({curl_not_modified} answered 304)")
    print(f"  URLSession (the transport before issue 19), the same GETs: {floor_ms:.0f} ms ({not_modified} answered 304); "
          f"libcurl alone is {floor_ms/max(curl_ms, 0.1):.1f}× faster")
    print(f"  a 100× warm reload must take at most {warm_n/100*1000:.0f} ms in all")
finally:
    server.terminate()
    server.wait()
