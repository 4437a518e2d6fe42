"""The network-shaped feed server of bench/network.sh: one asyncio loop listening on PORT at every address given,
serving DIR with Last-Modified, ETag and 304 answers over HTTP/1.1 keep-alive, each answer held back by the delay
that DELAYS (a JSON object, path → seconds) gives its path. Usage: network_server.py PORT DIR DELAYS ADDRESS…"""
import asyncio, email.utils, json, os, sys

port, directory = int(sys.argv[1]), sys.argv[2]
with open(sys.argv[3]) as fh:
    delays = json.load(fh)
addresses = sys.argv[4:]

def answer(path, headers):
    name = os.path.join(directory, os.path.basename(path))
    if not os.path.isfile(name):
        return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
    stat = os.stat(name)
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
    if headers.get("if-none-match") == etag or headers.get("if-modified-since") == modified:
        return f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nLast-Modified: {modified}\r\n\r\n".encode()
    with open(name, "rb") as fh:
        body = fh.read()
    head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len(body)}\r\n"
            f"ETag: {etag}\r\nLast-Modified: {modified}\r\n\r\n")
    return head.encode() + body

async def serve(reader, writer):
    try:
        while True:
            request = await reader.readuntil(b"\r\n\r\n")
            lines = request.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if l)}
            await asyncio.sleep(delays.get(path, 0.05))
            writer.write(answer(path, headers))
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, IndexError):
        pass
    finally:
        writer.close()

async def main():
    servers = [await asyncio.start_server(serve, address, port, backlog=256) for address in addresses]
    await asyncio.gather(*(s.serve_forever() for s in servers))

asyncio.run(main())
