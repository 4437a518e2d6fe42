import FeedParsing
@testable import FeedStorage
import Foundation
import Testing

@Test("The entry id wins over the link")
func keyFromID() {
    #expect(ArticleKey.of(ParsedItem(id: " urn:qn:1 ", link: "https://x.example/a")) == "id:urn:qn:1")
}

@Test("Without an id the link is the key")
func keyFromLink() {
    #expect(ArticleKey.of(ParsedItem(link: "https://x.example/a")) == "link:https://x.example/a")
}

// This feed has no guids and no links: ids must be derived from title + date.
@Test("Without id or link, title and date make the key, and the hash never changes")
func keyFromTitleAndDate() {
    let item = ParsedItem(title: "Québec", published: Date(timeIntervalSince1970: 1_700_000_000))
    // A golden value: if this changes, every stored article of such feeds would come back as new.
    #expect(ArticleKey.of(item) == "hash:" + StableHash.hex(of: "Québec\n1700000000"))
    #expect(StableHash.hex(of: "Québec\n1700000000") == "80c1243d352c63beb43b16465dd4330b")
    #expect(ArticleKey.of(item) != ArticleKey.of(ParsedItem(title: "Québec", published: Date(timeIntervalSince1970: 1_700_000_060))))
}
