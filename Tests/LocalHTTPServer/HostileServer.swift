import Foundation

/// One of HostileReply's servers, started for a test. Each kind listens on a loopback address of its own, so that
/// the fetcher's per-host limit never queues one behind another and each is seen failing on its own.
public final class HostileServer: @unchecked Sendable {
    public enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        case endlessChunked, gzipBomb, deflateBomb, longerThanLength, drip, silent, headerFlood, closesMidBody,
             redirectLoop, selfSignedTLS

        public var description: String { rawValue }
    }

    public let kind: Kind
    /// Where a fetcher should go.
    public let url: URL
    private let http: LocalHTTPServer?
    private let tls: SelfSignedTLSServer?

    /// `feed`: what the server that sends more than its Content-Length puts first.
    public init(_ kind: Kind, feed: Data = Data("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)) throws {
        self.kind = kind
        if kind == .selfSignedTLS {
            let tls = try SelfSignedTLSServer()
            self.tls = tls
            http = nil
            url = tls.url("/flux.xml")
            return
        }
        let reply: HTTPReply? = switch kind {
        case .endlessChunked: HostileReply.endlessChunked
        case .gzipBomb: try HostileReply.compressionBomb(.gzip)
        case .deflateBomb: try HostileReply.compressionBomb(.deflate)
        case .longerThanLength: HostileReply.longerThanLength(feed)
        case .drip: HostileReply.drip
        case .silent: HostileReply.silent
        case .headerFlood: HostileReply.headerFlood
        case .closesMidBody: HostileReply.closesMidBody
        case .redirectLoop, .selfSignedTLS: nil
        }
        let index = Kind.allCases.firstIndex(of: kind)!
        let http = try LocalHTTPServer(host: "127.0.0.\(20 + index)") { request in
            reply ?? HostileReply.redirectLoop(request)
        }
        self.http = http
        tls = nil
        url = http.url(kind == .redirectLoop ? "/boucle-a" : "/flux.xml")
    }

    deinit { stop() }

    /// Body bytes the server wrote, to see that a transfer was cut short (0 for the TLS server).
    public var bodyBytesSent: Int { http?.bodyBytesSent(path: url.path) ?? 0 }

    public func stop() {
        http?.stop()
        tls?.stop()
    }
}
