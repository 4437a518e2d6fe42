import FeedParsing
import FeedStorage
import Foundation
import Localization
import TextSafety

/// The Tiny Tiny RSS API calls a sync makes, with their answers turned into values. What was learned of the API
/// (tt-rss 21, API level 15): `getHeadlines` caps `limit` at 200 and `since_id` means "id greater than"; special
/// feed -4 is every article and -1 the starred ones; `updateArticle` takes `article_ids` as "1,2,3", `field` 0
/// starred or 2 unread, `mode` 0 false or 1 true; a headline's `guid` is a hash of the server's own, not the
/// entry's id; `getFeeds` gives each feed's `unread` count (`getCounters` too, at twice the cost, and it leaves out
/// feeds without articles).
extension TTRSSClient {
    static let pageSize = 200

    struct Subscription: Hashable {
        var serverID: Int64
        var url: String
        var title: String?
        /// Nil for "Uncategorized".
        var category: String?
        /// How many of its articles are unread on the server.
        var unread: Int
    }

    /// The account's feeds, each with its category's name. `knownCategories`: names read before, used when they
    /// name every category the feeds are in (else the categories are read again, and returned).
    nonisolated func subscriptions(knownCategories: [Int64: String]? = nil) async throws(SyncError)
        -> (feeds: [Subscription], categoriesRead: [Int64: String]?) {
        let feeds = try await call("getFeeds", ["cat_id": .int(-3)])
        guard let list = feeds.array else { throw SyncError(.notTTRSS, N_("getFeeds did not answer with a list of feeds")) }
        let categoryIDs = Set(list.compactMap { $0["cat_id"]?.int }.filter { $0 > 0 })
        var names = knownCategories ?? [:]
        var read: [Int64: String]?
        if knownCategories == nil || !categoryIDs.isSubset(of: Set(names.keys)) {
            names = [:]
            for category in (try await call("getCategories", ["include_empty": .bool(true)])).array ?? [] {
                if let id = category["id"]?.int, id > 0, let title = category["title"]?.string {
                    names[id] = SafeText.line(title)
                }
            }
            read = names
        }
        let subscriptions = list.compactMap { feed -> Subscription? in
            guard let id = feed["id"]?.int, id > 0, let url = feed["feed_url"]?.string, !url.isEmpty else { return nil }
            let category = feed["cat_id"]?.int.flatMap { names[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            return Subscription(serverID: id, url: url, title: feed["title"]?.string, category: category,
                                unread: Int(feed["unread"]?.int ?? 0))
        }
        return (subscriptions, read)
    }

    /// One page of articles with an id above `sinceID`, content included, and how many headlines the page held
    /// (a page shorter than `pageSize` is the last).
    nonisolated func newArticles(sinceID: Int64, skip: Int) async throws(SyncError) -> ([ServerArticle], Int) {
        let content = try await call("getHeadlines", [
            "feed_id": .int(-4), "since_id": .int(sinceID), "skip": .int(Int64(skip)), "limit": .int(Int64(Self.pageSize)),
            "view_mode": .string("all_articles"), "show_content": .bool(true), "include_attachments": .bool(true),
            // The server's HTML sanitizer parses every article and takes a third of the page's time; qnread treats
            // an article's HTML as hostile anyway (ArticleText), and resolves its relative links itself.
            "sanitize": .bool(false),
        ])
        guard let headlines = content.array else { throw SyncError(.notTTRSS, N_("getHeadlines did not answer with a list of articles")) }
        return (headlines.compactMap(Self.article), headlines.count)
    }

    /// The ids of one feed's articles in a view ("unread", "marked"), without their content, every page of them.
    nonisolated func articleIDs(feed: Int64, view: String) async throws(SyncError) -> Set<Int64> {
        var ids = Set<Int64>()
        var skip = 0
        while true {
            let content = try await call("getHeadlines", [
                "feed_id": .int(feed), "view_mode": .string(view), "skip": .int(Int64(skip)),
                "limit": .int(Int64(Self.pageSize)), "show_content": .bool(false), "show_excerpt": .bool(false),
            ])
            let page = content.array ?? []
            for headline in page { if let id = headline["id"]?.int { ids.insert(id) } }
            guard page.count >= Self.pageSize else { return ids }
            skip += page.count
        }
    }

    /// Every starred article's id (special feed -1), without content.
    nonisolated func starredIDs() async throws(SyncError) -> Set<Int64> {
        try await articleIDs(feed: -1, view: "all_articles")
    }

    /// Sets one field of these articles on the server.
    nonisolated func setMark(_ field: OutboxMark.Field, to value: Bool, articles ids: [Int64]) async throws(SyncError) {
        // Field 2 is "unread": reading is setting it false.
        let (number, mode): (Int64, Int64) = switch field {
        case .read: (2, value ? 0 : 1)
        case .starred: (0, value ? 1 : 0)
        }
        _ = try await call("updateArticle", [
            "article_ids": .string(ids.map(String.init).joined(separator: ",")), "field": .int(number), "mode": .int(mode),
        ])
    }

    /// Subscribes the account to `url`; the server fetches it at once so its articles come with this sync.
    nonisolated func subscribe(_ url: String) async throws(SyncError) {
        let content = try await call("subscribeToFeed", ["feed_url": .string(url)])
        let code = content["status"]?["code"]?.int ?? -1
        // 0: already subscribed, 1: subscribed; the others say why not.
        switch code {
        case 0, 1:
            if let id = content["status"]?["feed_id"]?.int { _ = try? await call("updateFeed", ["feed_id": .int(id)]) }
        case 2: throw SyncError(.server, N_("Tiny Tiny RSS cannot subscribe to %s: not a valid URL"), URLText.printable(url))
        case 3, 4: throw SyncError(.server, N_("Tiny Tiny RSS cannot subscribe to %s: no feed there"), URLText.printable(url))
        case 5: throw SyncError(.server, N_("Tiny Tiny RSS cannot subscribe to %s: it could not fetch it"), URLText.printable(url))
        default: throw SyncError(.server, N_("Tiny Tiny RSS cannot subscribe to %s (code %s)"), URLText.printable(url), String(code))
        }
    }

    nonisolated func unsubscribe(serverFeedID: Int64) async throws(SyncError) {
        do {
            _ = try await call("unsubscribeFeed", ["feed_id": .int(serverFeedID)])
        } catch where error.message.hasSuffix("FEED_NOT_FOUND") {
            return
        }
    }

    /// A headline as the store takes it; nil when it has no id or feed.
    private static func article(_ headline: JSONValue) -> ServerArticle? {
        guard let id = headline["id"]?.int, let feed = headline["feed_id"]?.int else { return nil }
        let date = headline["updated"]?.int.flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
        let author = headline["author"]?.string.flatMap(PlainText.fromHTML)
        let enclosures = (headline["attachments"]?.array ?? []).compactMap { attachment -> ParsedEnclosure? in
            guard let url = attachment["content_url"]?.string, !url.isEmpty else { return nil }
            return ParsedEnclosure(url: PlainText.sanitized(url),
                                   type: attachment["content_type"]?.string.flatMap { $0.isEmpty ? nil : $0 })
        }
        let tags = (headline["tags"]?.array ?? []).compactMap { $0.string.flatMap(PlainText.fromHTML) }
        let item = ParsedItem(title: headline["title"]?.string.flatMap(PlainText.fromHTML),
                              link: headline["link"]?.string.flatMap { $0.isEmpty ? nil : PlainText.sanitized($0) },
                              authors: author.map { [ParsedPerson(name: $0)] } ?? [], published: date,
                              content: headline["content"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                              categories: tags, enclosures: enclosures)
        return ServerArticle(serverID: id, serverFeedID: feed, item: item,
                             isRead: !(headline["unread"]?.bool ?? true), isStarred: headline["marked"]?.bool ?? false)
    }
}
