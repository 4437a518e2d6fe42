import Foundation

/// A request as the test server read it: the request line, the headers and the body `Content-Length` announced.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var body = Data()
    /// The request target as sent: "/feed.xml", or an absolute URL when the client talks to a proxy.
    public var target: String
    /// Header names lowercased, in arrival order.
    public var headers: [String: String]

    /// The path of the target, without the query ("/feed.xml?x=1" and "http://h/feed.xml" → "/feed.xml").
    public var path: String {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return String(rest.prefix { $0 != "?" })
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What a route answers. Bodies can be given whole or generated in chunks (so a 100 MiB body is never held).
public struct HTTPReply: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        /// `total` bytes made of `chunk` repeated (the last copy cut to fit), written as they go.
        case repeated(chunk: Data, total: Int)
        /// Writes `chunk`, then waits `interval`, `count` times (a slow server).
        case trickle(chunk: Data, count: Int, interval: TimeInterval)
        /// One body after the other.
        indirect case sequence([Body])
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: Body
    /// Waits this long before sending anything (a stalled server).
    public var delay: TimeInterval
    /// False: no `Content-Length`, the body ends when the connection closes (the client cannot know the size).
    public var sendsLength = true
    /// `Transfer-Encoding: chunked`, one chunk per piece written, and no `Content-Length`.
    public var chunked = false

    public init(status: Int = 200, headers: [(String, String)] = [], body: Body = .bytes(Data()), delay: TimeInterval = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    public init(status: Int = 200, headers: [(String, String)] = [], text: String, delay: TimeInterval = 0) {
        self.init(status: status, headers: headers, body: .bytes(Data(text.utf8)), delay: delay)
    }

    /// A redirect to `location` with the given 3xx status.
    public static func redirect(_ status: Int, to location: String) -> HTTPReply {
        HTTPReply(status: status, headers: [("Location", location)])
    }

    var declaredLength: Int { Self.length(of: body) }

    private static func length(of body: Body) -> Int {
        switch body {
        case .bytes(let data): data.count
        case .repeated(_, let total): total
        case .trickle(let chunk, let count, _): chunk.count * count
        case .sequence(let parts): parts.reduce(0) { $0 + length(of: $1) }
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 410: "Gone"
        case 416: "Range Not Satisfiable"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
