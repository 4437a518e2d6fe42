"""The feed server of scripts/ttrss-server, which tt-rss reaches as its HTTP proxy: a request for
http://192.0.2.1/NAME.xml (any host) is answered with DIR/NAME.xml. Never a 304 and no Last-Modified, so a feed
rewritten within the same second is fetched anew. Bound to 127.0.0.1 only. Usage: ttrss-feed-proxy.py PORT DIR"""
import functools, http.server, sys, urllib.parse


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        # A proxy request names the whole URL; only its path chooses the file.
        self.path = urllib.parse.urlsplit(self.path).path or "/"
        del self.headers["If-Modified-Since"]
        super().do_GET()

    def send_header(self, keyword, value):
        if keyword.lower() != "last-modified":
            super().send_header(keyword, value)

    def log_message(self, *args):
        pass


port, directory = int(sys.argv[1]), sys.argv[2]
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
server.serve_forever()
