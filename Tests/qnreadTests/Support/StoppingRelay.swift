import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tiny Tiny RSS that stops in the middle of a sync: a TCP relay on 127.0.0.1 passing connections to the real
/// server untouched (PHP's server answers one request per connection) until `stop(after:)` has let that many more
/// through; then its socket closes, so the next request finds nobody listening, as when the server goes down.
/// `resume()` listens again on the same port.
final class StoppingRelay: @unchecked Sendable {
    let url: String
    private let port: UInt16
    private let upstreamHost: String
    private let upstreamPort: UInt16
    private let lock = NSLock()
    private var listener: Int32 = -1
    /// Connections still to pass before stopping; nil: no limit.
    private var left: Int?

    init(to upstream: String) throws {
        guard let target = URL(string: upstream), let host = target.host, let upstreamPort = target.port else {
            throw TTRSSError("not a host:port URL: \(upstream)")
        }
        upstreamHost = host
        self.upstreamPort = UInt16(upstreamPort)
        let (fd, bound) = try Self.listen(port: 0)
        port = bound
        url = "http://127.0.0.1:\(bound)/"
        start(fd)
    }

    deinit { lock.withLock { closeListener() } }

    /// Passes `requests` more, then stops listening.
    func stop(after requests: Int) {
        lock.withLock {
            left = requests
            if requests <= 0 { closeListener() }
        }
    }

    /// Listens again, with no limit.
    func resume() throws {
        try lock.withLock {
            left = nil
            guard listener < 0 else { return }
            start(try Self.listen(port: port).fd)
        }
    }

    private func start(_ fd: Int32) {
        listener = fd
        Thread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                let stopNow = lock.withLock { () -> Bool in
                    guard listener == fd else { return true }
                    if let remaining = left {
                        left = remaining - 1
                        if remaining - 1 <= 0 { closeListener() }
                        return remaining <= 0
                    }
                    return false
                }
                if stopNow { close(client); return }
                let (host, port) = (upstreamHost, upstreamPort)
                Thread { Self.relay(client, to: host, port: port) }.start()
            }
        }.start()
    }

    private func closeListener() {
        guard listener >= 0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        listener = -1
    }

    private static func listen(port: UInt16) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, Glibc.listen(fd, 16) == 0 else { throw TTRSSError("relay: cannot listen (errno \(errno))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private static func relay(_ client: Int32, to host: String, port: UInt16) {
        defer { close(client) }
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return }
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while poll(&fds, 2, 30_000) > 0 {
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let count = recv(entry.fd, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                let other = index == 0 ? server : client
                guard send(other, buffer, count, Int32(MSG_NOSIGNAL)) == count else { return }
            }
        }
    }
}
