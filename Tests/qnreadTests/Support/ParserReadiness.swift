import FeedParsing
import Foundation

// Until the parser branch lands, FeedParser is a stub that throws: tests that need real parsing wait for it.
enum ParserReadiness {
    static let isReady: Bool = {
        let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>"#
        return (try? FeedParser().parse(Data(rss.utf8), url: nil)) != nil
    }()
}

extension StoreFixture {
    /// The path of a fixture file beside these tests.
    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url.path
    }
}
