import Foundation

/// An HTTPS server on 127.0.0.1 whose certificate is self-signed (made by `openssl req` at start, served by
/// python3's ssl module): a fetcher must refuse it. A request that gets through anyway is answered with a tiny
/// feed. It stops with `stop()`, when deinitialised, or by itself after ten minutes.
public final class SelfSignedTLSServer: @unchecked Sendable {
    public let port: UInt16
    private let process: Process

    public init() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The script prints its port once it listens.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        guard let port = UInt16(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw LocalHTTPServerError("the TLS server did not start (needs python3 and openssl)")
        }
        self.port = port
    }

    deinit { stop() }

    public func url(_ path: String) -> URL {
        URL(string: "https://127.0.0.1:\(port)\(path.hasPrefix("/") ? path : "/" + path)")!
    }

    public func stop() {
        if process.isRunning { process.terminate() }
    }

    private static let script = #"""
import os, signal, socket, ssl, subprocess, sys, tempfile, threading
signal.alarm(600)
folder = tempfile.mkdtemp(prefix="qnread-tls-")
cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
for name in (cert, key):
    os.remove(name)
os.rmdir(folder)
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(16)
print(listener.getsockname()[1], flush=True)

def serve(client):
    try:
        with context.wrap_socket(client, server_side=True) as tls:
            tls.recv(65536)
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\n<rss/>")
    except (ssl.SSLError, OSError):
        client.close()

while True:
    client, _ = listener.accept()
    threading.Thread(target=serve, args=(client,), daemon=True).start()
"""#
}
