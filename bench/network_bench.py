"""Driver for bench/network.sh: the reload corpus served with network-like delays on 40 loopback addresses, a warm
reload (nothing new, 304 answers) timed against the ideal that the fetch limits allow and against newsboat."""
import json, os, random, socket, statistics, subprocess, sys, time
from reload_corpus import generate
from bench_support import Home, timed

binary, work = os.environ["BINARY"], os.environ["WORK"]
runs, jobs_list = int(os.environ["RUNS"]), [int(j) for j in os.environ["JOBS"].split()]
PER_HOST = 2                                               # FetchSettings.maxPerHost
SLOW, REFUSING = "127.0.0.40", "127.0.0.41"                # the second has no listener: connections are refused
served = [f"127.0.0.{n}" for n in range(2, 41)]

def layout(names):
    """Feed name → (address, delay in seconds): the slow and the refusing host carry one feed each, as one blog
    would; the other feeds go round-robin over 38 hosts, each answer delayed 30 to 150 ms (seeded)."""
    rng = random.Random(16)
    plan = {names[0]: (SLOW, 1.0), names[1]: (REFUSING, 0.0)}
    ordinary = served[:-1]
    for i, name in enumerate(names[2:]):
        plan[name] = (ordinary[i % len(ordinary)], round(rng.uniform(0.030, 0.150), 3))
    return plan

def chain(delays, slots):
    """How long `delays` take on `slots` parallel slots, longest first onto the slot that frees first."""
    ends = [0.0] * slots
    for d in sorted(delays, reverse=True):
        i = ends.index(min(ends))
        ends[i] += d
    return max(ends)

def ideal(plan, jobs):
    by_host = {}
    for address, delay in plan.values():
        by_host.setdefault(address, []).append(delay)
    host_chain = max(chain(d, PER_HOST) for d in by_host.values())
    spread = sum(d for _, d in plan.values()) / jobs
    return max(host_chain, spread)

def free_port(address):
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]

corpus = generate(os.path.join(os.path.dirname(work), "reload"), 200, 100)
names = sorted(n for n in os.listdir(corpus) if n.endswith(".xml"))
plan = layout(names)
os.makedirs(work, exist_ok=True)
delays_file = os.path.join(work, "delays.json")
with open(delays_file, "w") as fh:
    json.dump({f"/{n}": d for n, (_, d) in plan.items()}, fh)
port = free_port(served[0])
server = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "network_server.py"),
                           str(port), corpus, delays_file] + served, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    for _ in range(100):
        try:
            socket.create_connection((served[-1], port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    urls = [f"http://{plan[n][0]}:{port}/{n}" for n in names]
    home = Home(os.path.join(work, "home"), urls)
    urls_file, db, cache, env = home.urls_file, home.db, home.cache, home.env
    total = sum(d for _, d in plan.values())
    print(f"network-shaped warm reload: {len(urls)} feeds on 39 loopback addresses plus one that refuses, answers "
          f"delayed 30–150 ms (seeded; {total:.1f} s in all), one host of 1 s; {PER_HOST} fetches per host; qnread exits 1 for the refused feed")
    timed([binary, "--db", db, "reload"], env, failing_is_expected=True)   # cold, to have validators
    nb = ["newsboat", "-u", urls_file, "-c", cache, "-C", "/dev/null", "-x", "reload"]
    timed(nb, env)                                          # cold, to fill its cache
    newsboat = [timed(nb, env)[0] for _ in range(2)]
    newsboat_ms = statistics.median(newsboat) * 1000
    print(f"  newsboat -x reload (one feed at a time, its default), warm, median of {len(newsboat)}: {newsboat_ms:.0f} ms")
    for jobs in jobs_list:
        argv = [binary, "--db", db, "reload", "--jobs", str(jobs)]
        qn = statistics.median(timed(argv, env, failing_is_expected=True)[0] for _ in range(runs)) * 1000
        best = ideal(plan, jobs) * 1000
        print(f"  --jobs {jobs:2d}: ideal {best:.0f} ms, qnread median of {runs} {qn:.0f} ms → {qn/best:.2f}× the ideal "
              f"(target ≤ 1.2×), {newsboat_ms/qn:.1f}× faster than newsboat (target ≥ 20×)")
finally:
    server.terminate()
    server.wait()
