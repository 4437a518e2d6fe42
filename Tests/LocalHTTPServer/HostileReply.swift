import Foundation

/// Servers that misbehave on purpose, for a fetcher's limits to stop (issue 19). Each one has an end of its own,
/// a few GiB or some minutes, so that a fetcher that fails to stop it fails its test instead of sinking the machine.
public enum HostileReply {
    public static let gibibyte = 1 << 30
    /// What endless bodies are made of: not a feed, and nothing a compressor on the way could shrink to nothing.
    static let block = Data((0..<(64 * 1024)).map { UInt8(ascii: "a") + UInt8($0 % 26) })

    /// A chunked body with no length, that stops after 2 GiB.
    public static var endlessChunked: HTTPReply {
        var reply = HTTPReply(headers: [("Content-Type", "application/rss+xml")], body: .repeated(chunk: block, total: 2 * gibibyte))
        reply.chunked = true
        return reply
    }

    /// 2 GiB of zeros in about 2 MB of gzip, or of zlib (HTTP's "deflate"), chunked: no Content-Length for a
    /// fetcher to refuse before it inflates anything.
    public static func compressionBomb(_ encoding: CompressionBomb.Encoding) throws -> HTTPReply {
        var reply = HTTPReply(headers: [("Content-Encoding", encoding.rawValue), ("Content-Type", "application/rss+xml")],
                              body: .bytes(try CompressionBomb.data(encoding, gibibytes: 2)))
        reply.chunked = true
        return reply
    }

    /// `feed` with a `Content-Length` that covers it exactly, then 2 GiB more on the same connection.
    public static func longerThanLength(_ feed: Data) -> HTTPReply {
        HTTPReply(headers: [("Content-Length", String(feed.count))],
                  body: .sequence([.bytes(feed), .repeated(chunk: block, total: 2 * gibibyte)]))
    }

    /// Announces 1 MiB, sends 100 KiB and closes the connection.
    public static var closesMidBody: HTTPReply {
        HTTPReply(headers: [("Content-Length", String(1 << 20))], body: .bytes(block + block.prefix(36 * 1024)))
    }

    /// One byte a second, for an hour.
    public static var drip: HTTPReply {
        HTTPReply(body: .trickle(chunk: Data("<".utf8), count: 3600, interval: 1))
    }

    /// Accepts, reads the request, and says nothing for ten minutes.
    public static var silent: HTTPReply {
        HTTPReply(text: "<rss/>", delay: 600)
    }

    /// 100,000 header lines (about 3 MB) before an empty body.
    public static var headerFlood: HTTPReply {
        HTTPReply(headers: (0..<100_000).map { ("X-Remplissage-\($0)", "encore un en-tête") })
    }

    /// `/boucle-a` → `/boucle-b` → `/boucle-a` …: a permanent hop, then a temporary one.
    public static func redirectLoop(_ request: HTTPRequest) -> HTTPReply {
        request.path == "/boucle-a" ? .redirect(301, to: "/boucle-b") : .redirect(302, to: "/boucle-a")
    }
}
