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
        defer { state.withLock { $0.inFlight -= 1 } }

        let reply = route(request)
        if reply.delay > 0, !sleepUnlessStopped(reply.delay) { return }
        var head = "HTTP/1.1 \(reply.status) \(HTTPReply.reason(reply.status))\r\n"
        let names = Set(reply.headers.map { $0.0.lowercased() })
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        if reply.sendsLength, !names.contains("content-length"), let length = reply.declaredLength, reply.status != 304 {
            head += "Content-Length: \(length)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard write(Data(head.utf8)) else { return }
        guard request.method != "HEAD", reply.status != 304 else { return }
        writeBody(reply.body, path: request.path)
    }

    private func writeBody(_ body: HTTPReply.Body, path: String) {
        switch body {
        case .bytes(let data):
            if write(data) { count(data.count, path) }
        case .repeated(let chunk, let total):
            var left = total
            while left > 0 {
                let piece = left >= chunk.count ? chunk : chunk.prefix(left)
                guard write(piece) else { return }
                count(piece.count, path)
                left -= piece.count
            }
        case .trickle(let chunk, let times, let interval):
            for _ in 0..<times {
                guard write(chunk) else { return }
                count(chunk.count, path)
                guard sleepUnlessStopped(interval) else { return }
            }
        }
    }

    private func count(_ bytes: Int, _ path: String) {
        state.withLock { $0.bodyBytesSent[path, default: 0] += bytes }
    }

    /// Reads up to the blank line that ends the headers; nil when the client went away or sent garbage.
    private func readRequest() -> HTTPRequest? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while buffer.count < 64 * 1024 {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            if let range = firstRange(of: end, in: buffer) {
                return parseHead(String(decoding: buffer[..<range], as: UTF8.self))
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
