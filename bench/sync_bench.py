"""Driver for bench/sync.sh: the account and its feeds on the server (made once, kept for the next runs), then
qnread and newsboat syncing from it. Deterministic corpus; medians over a few runs."""
import hashlib, json, os, shutil, statistics, subprocess, time, urllib.request
from bench_support import env_for, timed

binary, work = os.environ["BINARY"], os.environ["WORK"]
feeds, items = int(os.environ["FEEDS"]), int(os.environ["ITEMS"])
first_runs, idle_runs = int(os.environ["FIRST_RUNS"]), int(os.environ["IDLE_RUNS"])
server = dict(line.strip().split("=", 1) for line in open(os.environ["TTRSS_ENV"]) if "=" in line)
login = f"bench{feeds}x{items}"
password = hashlib.sha256(f"qnread sync bench {login}".encode()).hexdigest()[:20]
password_file = os.path.join(work, "password")
with open(password_file, "w") as fh:
    fh.write(password + "\n")
os.chmod(password_file, 0o600)

def sql(query):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", server["TTRSS_DB_URL"], "-c", query],
                          check=True, capture_output=True, text=True).stdout.strip()

class API:
    def __init__(self):
        self.sid = self.call("login", user=login, password=password)["session_id"]

    def call(self, op, **params):
        params["op"] = op
        if getattr(self, "sid", None): params["sid"] = self.sid
        request = urllib.request.Request(server["TTRSS_URL"] + "api/", data=json.dumps(params).encode())
        answer = json.loads(urllib.request.urlopen(request, timeout=300).read())
        if answer["status"] != 0: raise RuntimeError(f"{op}: {answer['content']}")
        return answer["content"]

def feed_xml(number):
    paragraph = "<p>Les communautés numériques de Québec et de Montréal se rencontrent « en personne » cette semaine.</p>"
    entries = []
    for item in range(items):
        minute = number * items + item
        entries.append(f"<item><guid>bench-{number}-{item}</guid><title>Flux {number}, article {item} : Québec numérique</title>"
                       f"<link>https://bench{number}.example/{item}</link>"
                       f"<pubDate>Mon, 30 Nov 2026 {minute // 60 % 24:02d}:{minute % 60:02d}:00 GMT</pubDate>"
                       f"<description><![CDATA[{paragraph * 8}]]></description></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Banc d’essai {number}</title>'
            f"<link>https://bench{number}.example/</link>{''.join(entries)}</channel></rss>")

def prepare_account():
    """The account with every feed fetched by the server; made once (tt-rss takes a minute to ingest them all)."""
    uid = sql(f"SELECT id FROM ttrss_users WHERE login = '{login}'")
    if uid and sql(f"SELECT count(*) FROM ttrss_user_entries WHERE owner_uid = {uid}") == str(feeds * items):
        return
    if uid:
        sql(f"DELETE FROM ttrss_users WHERE id = {uid}")
    uid = sql(f"INSERT INTO ttrss_users (login, pwd_hash, salt, access_level, created) VALUES ('{login}', "
              f"'MODE2:' || encode(sha256(('bench' || '{password}')::bytea), 'hex'), 'bench', 0, NOW()) RETURNING id")
    sql(f"INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) VALUES ({uid}, 'ENABLE_API_ACCESS', 'true')")
    api = API()
    started = time.perf_counter()
    for number in range(feeds):
        name = f"{login}-{number:02d}.xml"
        with open(os.path.join(server["TTRSS_FEEDS"], name), "w", encoding="utf-8") as fh:
            fh.write(feed_xml(number))
        feed_id = api.call("subscribeToFeed", feed_url=f"http://{server['TTRSS_FEED_HOST']}/{name}")["status"]["feed_id"]
        api.call("updateFeed", feed_id=feed_id)
    print(f"  (tt-rss ingested {feeds} feeds × {items} articles in {time.perf_counter() - started:.0f} s, once)")

def median(runs, argv, env, before=None):
    """The median of `runs` runs and every run's time, in seconds."""
    times = [timed(argv, env, before)[0] for _ in range(runs)]
    return statistics.median(times), times

def reset(*paths):
    def remove():
        for path in paths:
            shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) else [
                os.remove(path + suffix) for suffix in ("", "-wal", "-shm", ".sync-lock", ".lock") if os.path.exists(path + suffix)]
    return remove

prepare_account()
home = os.path.join(work, "home")
shutil.rmtree(home, ignore_errors=True)
os.makedirs(os.path.join(home, "config/qnread"))
with open(os.path.join(home, "config/qnread/config.toml"), "w") as fh:
    fh.write(f'[sync]\nservice = "ttrss"\nurl = "{server["TTRSS_URL"]}"\nuser = "{login}"\n'
             f'password_command = ["cat", "{password_file}"]\n')
db = os.path.join(home, "qnread.sqlite")
qnread_env = env_for(home)
qnread = [binary, "--db", db, "sync"]
newsboat_config, urls, cache = (os.path.join(home, name) for name in ("newsboat-config", "urls", "newsboat-cache.db"))
with open(newsboat_config, "w") as fh:
    fh.write(f'urls-source "ttrss"\nttrss-url "{server["TTRSS_URL"]}"\nttrss-login "{login}"\n'
             f'ttrss-passwordfile "{password_file}"\nttrss-mode "multi"\n')
open(urls, "w").close()
newsboat = ["newsboat", "-x", "reload", "-C", newsboat_config, "-u", urls, "-c", cache]
newsboat_env = dict(os.environ, HOME=home)

print(f"sync: {feeds} feeds × {items} articles on Tiny Tiny RSS at {server['TTRSS_URL']} (PHP's built-in server, PostgreSQL)")
q_first, q_first_all = median(first_runs, qnread, qnread_env, before=reset(db, os.path.join(home, "cache")))
q_idle, q_idle_all = median(idle_runs, qnread, qnread_env)
n_first, n_first_all = median(first_runs, newsboat, newsboat_env, before=reset(cache))
n_idle, n_idle_all = median(idle_runs, newsboat, newsboat_env)
stored = subprocess.run([binary, "--db", db, "stats"], env=qnread_env, capture_output=True, text=True).stdout.split("\n")
print("  qnread stats after: " + "; ".join(line.strip() for line in stored if line.startswith(("feeds", "articles"))))

def server_floor(runs=3):
    """What tt-rss alone takes to answer what a qnread sync asks (sid from a login made beforehand): the pages of
    every article, 4 at once as qnread asks them; and a sync with nothing new's three requests, at once. Medians, s."""
    from concurrent.futures import ThreadPoolExecutor
    api = API()
    page = lambda skip: api.call("getHeadlines", feed_id=-4, since_id=0, skip=skip, limit=200, show_content=True,
                                 include_attachments=True, view_mode="all_articles", sanitize=False)
    idle = [lambda: api.call("getFeeds", cat_id=-3), lambda: api.call("getHeadlines", feed_id=-4, since_id=1 << 30, limit=200),
            lambda: api.call("getHeadlines", feed_id=-1, limit=200, show_content=False)]
    def clock(work):
        start = time.perf_counter()
        work()
        return time.perf_counter() - start
    with ThreadPoolExecutor(4) as pool:
        pages = statistics.median(clock(lambda: list(pool.map(page, range(0, feeds * items + 1, 200)))) for _ in range(runs))
    with ThreadPoolExecutor(3) as pool:
        nothing = statistics.median(clock(lambda: list(pool.map(lambda call: call(), idle))) for _ in range(runs))
    return pages, nothing

def row(label, runs, q, q_all, n, n_all, target):
    print(f"  {label:<22} runs {runs}  qnread median {q * 1000:7.0f} ms  newsboat median {n * 1000:7.0f} ms  "
          f"ratio {n / q:5.1f}× (target ≥ {target}×)")
    print(f"  {'':<22} qnread {', '.join(f'{t * 1000:.0f}' for t in q_all)} ms; newsboat {', '.join(f'{t * 1000:.0f}' for t in n_all)} ms")

row("first sync (empty)", first_runs, q_first, q_first_all, n_first, n_first_all, 3)
row("sync with nothing new", idle_runs, q_idle, q_idle_all, n_idle, n_idle_all, 20)
pages, nothing = server_floor()
print(f"  floor, tt-rss alone (Python asking, after its login): every page, 4 at once {pages * 1000:.0f} ms "
      f"(first-sync budget at 3× newsboat: {n_first / 3 * 1000:.0f} ms); the nothing-new requests at once "
      f"{nothing * 1000:.0f} ms (budget at 20×: {n_idle / 20 * 1000:.0f} ms)")
