"""The benchmark's feed server: Python's own static file server (Last-Modified, 304 on If-Modified-Since),
speaking HTTP/1.1 so connections are kept alive, bound to 127.0.0.1 only. Usage: feed_server.py PORT DIR"""
import functools, http.server, sys

class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

port, directory = int(sys.argv[1]), sys.argv[2]
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
server.serve_forever()
