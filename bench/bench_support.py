"""What the Python bench drivers share: a clean environment for a throwaway home, and timing a child process."""
import os, shutil, statistics, subprocess, sys, time

def env_for(home):
    """The environment of a reader whose whole home is `home`: no system list or config, no proxy, C.UTF-8."""
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               QNREAD_SYSTEM_FEEDS="/nonexistent", QNREAD_SYSTEM_CONFIG="/nonexistent", LANG="C.UTF-8")
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(proxy, None)
    return env

class Home:
    """A throwaway home at `path` whose feeds list (and newsboat's urls file) hold `urls`; its store and newsboat's
    cache start absent."""
    def __init__(self, path, urls):
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(os.path.join(path, "config/qnread"))
        self.urls_file = os.path.join(path, "urls")
        with open(self.urls_file, "w") as fh:
            fh.write("\n".join(urls) + "\n")
        shutil.copy(self.urls_file, os.path.join(path, "config/qnread/feeds"))
        self.db, self.cache = os.path.join(path, "qnread.sqlite"), os.path.join(path, "newsboat-cache.db")
        self.env = env_for(path)

def timed(argv, env, prepare=None, failing_is_expected=False):
    """Seconds, and the peak resident memory in MiB (wait4's ru_maxrss; a child started from this small process
    counts this process's 10-odd MB until it execs, far below any reload). A non-zero exit is reported unless
    `failing_is_expected` (a reload with a broken feed in it exits 1)."""
    if prepare:
        prepare()
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0 and not failing_is_expected:
        sys.stderr.write(f"  {argv[0]} exited {code}: {errors.decode(errors='replace')[-300:]}\n")
    return elapsed, usage.ru_maxrss / 1024

def median_of(runs, argv, env, prepare=None):
    """The median time of `runs` runs, and the highest peak memory among them."""
    results = [timed(argv, env, prepare) for _ in range(runs)]
    return statistics.median(seconds for seconds, _ in results), max(peak for _, peak in results)
