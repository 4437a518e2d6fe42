import Foundation

/// A `Content-Type` header value split into its media type and charset ("text/xml; charset=ISO-8859-1").
struct ContentType: Hashable, Sendable {
    var mediaType: String?
    var charset: String?

    init(_ header: String?) {
        guard let header else { return }
        let parts = header.split(separator: ";")
        let type = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        mediaType = type.isEmpty ? nil : type
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            charset = value.isEmpty ? nil : value
        }
    }
}
