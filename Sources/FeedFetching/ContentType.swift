import FeedModel
import Foundation

/// A `Content-Type` header value split into its media type and charset ("text/xml; charset=ISO-8859-1").
struct ContentType: Hashable, Sendable {
    var mediaType: String?
    var charset: String?

    init(_ header: String?) {
        guard let header else { return }
        let parts = header.split(separator: ";")
        let type = parts.first.map { $0.trimmingSpaces.lowercased() } ?? ""
        mediaType = type.isEmpty ? nil : type
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == "charset" else { continue }
            var value = Substring(pair[1].trimmingSpaces)
            while let first = value.first, first == "\"" || first == "'" { value.removeFirst() }
            while let last = value.last, last == "\"" || last == "'" { value.removeLast() }
            charset = value.isEmpty ? nil : String(value)
        }
    }
}
