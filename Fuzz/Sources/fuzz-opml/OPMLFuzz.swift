import FeedParsing
import Foundation

// OPML bytes → OPMLDocument → its feeds, exported (`qnread feeds export`) and imported back. The export keeps
// every feed's URL, and a second round changes nothing more than the first (tags and titles settle at once).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let document = try? OPMLDocument(parsing: Data(bytes: data, count: size), source: "fuzz.opml") else { return 0 }
    let once = roundTrip(document.feeds)
    if once.map(\.url) != document.feeds.map(\.url) {
        fatalError("export lost or changed URLs: \(document.feeds.map(\.url)) → \(once.map(\.url))")
    }
    let twice = roundTrip(once)
    if twice != once {
        fatalError("a second export changed the feeds: \(once) → \(twice)")
    }
    return 0
}

private func roundTrip(_ feeds: [OPMLFeedEntry]) -> [OPMLFeedEntry] {
    let xml = OPMLDocument(title: "Fuzz", feeds: feeds).xml(dateCreated: Date(timeIntervalSince1970: 0))
    do {
        return try OPMLDocument(parsing: Data(xml.utf8), source: "export.opml").feeds
    } catch {
        fatalError("an export does not read back (\(error)):\n\(xml)")
    }
}
