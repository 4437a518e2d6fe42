import Foundation

// The JSON form of the model, exactly DESIGN.md §2: unknown values are left out (never null or ""),
// dates are RFC 3339 in UTC with Z, keys come in one fixed order.

extension ParsedFeed {
    public func jsonText(pretty: Bool = true) -> String {
        var members: [(String, JSONText)] = [("format", .string(format.rawValue))]
        members.add("title", title)
        members.add("link", link)
        members.add("feedURL", feedURL)
        members.add("description", description)
        members.add("language", language)
        members.add("updated", updated.map(FeedDate.rfc3339))
        members.add("image", image)
        members.add("authors", authors.map(\.json))
        members.append(("items", .array(items.map(\.json))))
        return JSONText.object(members).rendered(pretty: pretty)
    }
}

extension ParsedItem {
    var json: JSONText {
        var members: [(String, JSONText)] = []
        members.add("id", id)
        members.add("title", title)
        members.add("link", link)
        members.add("authors", authors.map(\.json))
        members.add("published", published.map(FeedDate.rfc3339))
        members.add("updated", updated.map(FeedDate.rfc3339))
        members.add("summary", summary)
        members.add("content", content)
        members.add("categories", categories.map { .string($0) })
        members.add("enclosures", enclosures.map(\.json))
        return .object(members)
    }
}

extension ParsedPerson {
    var json: JSONText {
        var members: [(String, JSONText)] = []
        members.add("name", name)
        members.add("email", email)
        members.add("uri", uri)
        return .object(members)
    }
}

extension ParsedEnclosure {
    var json: JSONText {
        var members: [(String, JSONText)] = [("url", .string(url))]
        members.add("type", type)
        if let length { members.append(("length", .number(length))) }
        if let duration { members.append(("duration", .number(Int64(duration)))) }
        members.add("title", title)
        return .object(members)
    }
}

private extension Array where Element == (String, JSONText) {
    mutating func add(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { append((key, .string(value))) }
    }

    mutating func add(_ key: String, _ values: [JSONText]) {
        if !values.isEmpty { append((key, .array(values))) }
    }
}
