#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One accepted socket: read one request, answer it, close.
struct Connection {
    let fd: Int32
    let state: ServerState
    let route: LocalHTTPServer.Route

    func serve() {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest() else { return }
        state.withLock { values in
            values.requests.append(request)
            values.inFlight += 1
            values.maxInFlight = max(values.maxInFlight, values.inFlight)
        }
        // In flight while the answer is made and held back, not while it is written: a client that has read the
        // last byte may start its next request before this thread runs again, which would count one too many.
        let reply = route(request)
        let answered = reply.delay <= 0 || sleepUnlessStopped(reply.delay)
        state.withLock { $0.inFlight -= 1 }
        guard answered else { return }
        var head = "HTTP/1.1 \(reply.status) \(HTTPReply.reason(reply.status))\r\n"
        for (name, value) in reply.headers {
            head += "\(name): \(value)\r\n"
            // A long head (100,000 lines) goes out as it is written, as a real server's would.
            if head.utf8.count >= 16 * 1024 {
                guard write(Data(head.utf8)) else { return }
                head = ""
            }
        }
        if reply.chunked {
            head += "Transfer-Encoding: chunked\r\n"
        } else if reply.sendsLength, reply.status != 304, !reply.headers.contains(where: { $0.0.lowercased() == "content-length" }) {
            head += "Content-Length: \(reply.declaredLength)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard write(Data(head.utf8)) else { return }
        guard request.method != "HEAD", reply.status != 304 else { return }
        let piece: (Data) -> Bool = { data in
            guard data.isEmpty || write(reply.chunked ? chunk(data) : data) else { return false }
            count(data.count, request.path)
            return true
        }
        if writeBody(reply.body, piece: piece), reply.chunked { _ = write(Data("0\r\n\r\n".utf8)) }
    }

    /// False when the client went away (or the server stopped) before the end.
    private func writeBody(_ body: HTTPReply.Body, piece: (Data) -> Bool) -> Bool {
        switch body {
        case .bytes(let data):
            return piece(data)
        case .repeated(let chunk, let total):
            var left = total
            while left > 0 {
                let part = left >= chunk.count ? chunk : chunk.prefix(left)
                guard piece(part) else { return false }
                left -= part.count
            }
            return true
        case .trickle(let chunk, let times, let interval):
            for _ in 0..<times {
                guard piece(chunk), sleepUnlessStopped(interval) else { return false }
            }
            return true
        case .sequence(let parts):
            return parts.allSatisfy { writeBody($0, piece: piece) }
        }
    }

    private func chunk(_ data: Data) -> Data {
        Data((String(data.count, radix: 16) + "\r\n").utf8) + data + Data("\r\n".utf8)
    }

    private func count(_ bytes: Int, _ path: String) {
        state.withLock { $0.bodyBytesSent[path, default: 0] += bytes }
    }

    /// Reads up to the blank line that ends the headers, then the body its `Content-Length` announces (a POST);
    /// nil when the client went away or sent garbage.
    private func readRequest() -> HTTPRequest? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while buffer.count < 64 * 1024 {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            if let range = firstRange(of: end, in: buffer) {
                guard var request = parseHead(String(decoding: buffer[..<range], as: UTF8.self)) else { return nil }
                var body = Array(buffer[(range + end.count)...])
                let length = min(Int(request.header("content-length") ?? "") ?? 0, 16 << 20)
                while body.count < length {
                    let n = recv(fd, &chunk, chunk.count, 0)
                    guard n > 0 else { return nil }
                    body.append(contentsOf: chunk[0..<n])
                }
                request.body = Data(body)
                return request
            }
        }
        return nil
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    private func parseHead(_ text: String) -> HTTPRequest? {
        let lines = text.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPRequest(method: String(parts[0]), target: String(parts[1]), headers: headers)
    }

    /// Writes everything or returns false (client gone). MSG_NOSIGNAL: a closed peer must not kill the tests.
    private func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let n = send(fd, pointer, left, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                pointer += n
                left -= n
            }
            return true
        }
    }

    /// Sleeps in short steps so a stopped server's threads end quickly; false when the server stopped.
    private func sleepUnlessStopped(_ seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return true }
            if state.withLock({ $0.stopped }) { return false }
            usleep(useconds_t(min(left, 0.02) * 1_000_000))
        }
    }
}
