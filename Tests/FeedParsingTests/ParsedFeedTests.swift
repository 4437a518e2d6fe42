import Foundation
import Testing
@testable import FeedParsing

@Test("Feed formats are named as in the JSON model")
func formatNames() {
    #expect(FeedFormat.allCases.map(\.rawValue) == ["rss2.0", "rss1.0", "rss0.9x", "atom1.0", "atom0.3", "json1.0", "json1.1"])
}
