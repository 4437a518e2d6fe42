// A small real HTTP/1.1 server on a loopback address, for tests only: POSIX sockets, one thread per connection,
// one request per connection (`Connection: close`). Tests describe each answer with a `Route` closure; the
// server records every request and how many were in flight at once, per server.
// It never listens beyond 127.0.0.0/8 and stops by itself when `stop()` is called or it is deinitialised.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

public final class LocalHTTPServer: @unchecked Sendable {
    public typealias Route = @Sendable (HTTPRequest) -> HTTPReply

    /// The loopback address it listens on, e.g. "127.0.0.1" or "127.0.0.2".
    public let host: String
    public let port: UInt16

    private let listener: Int32
    private let route: Route
    private let state = ServerState()

    /// Starts listening on `host` at a free port chosen by the kernel.
    public init(host: String = "127.0.0.1", route: @escaping Route) throws {
        guard host.hasPrefix("127.") else { throw LocalHTTPServerError("only loopback addresses are allowed: \(host)") }
        self.host = host
        self.route = route
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LocalHTTPServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw LocalHTTPServerError("not an IPv4 address: \(host)")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw LocalHTTPServerError("bind/listen on \(host) failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let thread = Thread { [state, route] in Self.acceptLoop(fd, state: state, route: route) }
        thread.start()
    }

    deinit { stop() }

    /// The absolute URL of `path` on this server ("/feed.xml" → "http://127.0.0.1:PORT/feed.xml").
    public func url(_ path: String) -> URL {
        URL(string: "http://\(host):\(port)\(path.hasPrefix("/") ? path : "/" + path)")!
    }

    /// Every request received so far, in arrival order.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// The most requests this server was preparing answers for at the same moment (route and delay; not the write).
    public var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// Bytes of body written for each request path, summed (to see that a transfer was cut short).
    public func bodyBytesSent(path: String) -> Int { state.withLock { $0.bodyBytesSent[path, default: 0] } }

    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func acceptLoop(_ listener: Int32, state: ServerState, route: @escaping Route) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            if state.withLock({ $0.stopped }) { close(client); return }
            let connection = Thread { Connection(fd: client, state: state, route: route).serve() }
            connection.start()
        }
    }
}

public struct LocalHTTPServerError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// What the server has seen; shared by the accept thread and every connection thread.
final class ServerState: @unchecked Sendable {
    struct Values {
        var requests: [HTTPRequest] = []
        var inFlight = 0
        var maxInFlight = 0
        var bodyBytesSent: [String: Int] = [:]
        var stopped = false
    }

    private let lock = NSLock()
    private var values = Values()

    func withLock<T>(_ body: (inout Values) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }
}
