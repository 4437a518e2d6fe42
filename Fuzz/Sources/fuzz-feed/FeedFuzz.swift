import FeedParsing
import Foundation

// Feed bytes → FeedParser → ParsedFeed → `qnread parse --json`'s text. Refusals (not a feed, too large) are fine;
// a crash, a hang, or JSON that does not parse back is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let feed = try? FeedParser().parse(Data(bytes: data, count: size), url: URL(string: "https://fuzz.example/flux/"))
    else { return 0 }
    for pretty in [true, false] {
        let json = feed.jsonText(pretty: pretty)
        if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
            fatalError("jsonText(pretty: \(pretty)) is not JSON:\n\(json)")
        }
    }
    return 0
}
