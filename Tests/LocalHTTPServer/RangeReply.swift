import Foundation

/// A file served the way podcast hosts serve one, for download tests: `Range: bytes=N-` answered with 206 and its
/// `Content-Range` (or ignored with a 200 and the whole file, as some servers do), past the end with 416.
public enum RangeReply {
    public static func file(_ data: Data, for request: HTTPRequest, honoursRange: Bool = true,
                            type: String = "audio/mpeg", pace: TimeInterval = 0) -> HTTPReply {
        let headers = [("Content-Type", type), ("Accept-Ranges", honoursRange ? "bytes" : "none")]
        guard honoursRange, let start = start(of: request) else { return HTTPReply(headers: headers, body: body(data, pace: pace)) }
        guard start < data.count else {
            return HTTPReply(status: 416, headers: [("Content-Range", "bytes */\(data.count)")])
        }
        return HTTPReply(status: 206, headers: headers + [("Content-Range", "bytes \(start)-\(data.count - 1)/\(data.count)")],
                         body: body(data.suffix(from: start), pace: pace))
    }

    /// The N of `Range: bytes=N-`.
    public static func start(of request: HTTPRequest) -> Int? {
        guard let range = request.header("Range"), range.hasPrefix("bytes="), range.hasSuffix("-") else { return nil }
        return Int(range.dropFirst(6).dropLast())
    }

    /// Paced in 16 KiB pieces when `pace` is given, so a client can be stopped in the middle.
    private static func body(_ data: Data, pace: TimeInterval) -> HTTPReply.Body {
        guard pace > 0 else { return .bytes(Data(data)) }
        let pieces = stride(from: data.startIndex, to: data.endIndex, by: 16 * 1024).map { start in
            HTTPReply.Body.trickle(chunk: Data(data[start..<min(start + 16 * 1024, data.endIndex)]), count: 1, interval: pace)
        }
        return .sequence(pieces)
    }
}
