import FeedFetching
import FeedParsing
import FeedStorage
import FilterLanguage
import Foundation
import Localization

/// `qnread feeds check`: fetch and parse every feed, store nothing, say which are broken. For cron and monitoring.
/// Query and search feeds are checked, not fetched.
public struct FeedCheck: Sendable {
    public struct Report: Sendable, Hashable {
        public var url: String
        public var isBroken: Bool
        public var isGone: Bool
        public var httpStatus: Int?
        public var itemCount: Int?
        public var newestItem: Date?
        public var duration: TimeInterval
        public var warnings: [String]
        /// Why it is broken.
        public var error: String?
    }

    private let fetcher: FeedFetcher

    public init(settings: FetchSettings, embedded: [String: Data]) {
        fetcher = FeedFetcher(settings: settings, embedded: embedded)
    }

    /// One report per URL, in the order given.
    public func run(_ urls: [String]) async -> [Report] {
        await withTaskGroup(of: (Int, Report).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask { (index, await check(url)) }
            }
            var reports = [Report?](repeating: nil, count: urls.count)
            for await (index, report) in group { reports[index] = report }
            return reports.compactMap { $0 }
        }
    }

    private func check(_ url: String) async -> Report {
        let words = fetcher.settings.catalogue
        if QueryFeed.isQuery(url) { return Self.checkQuery(url, words: words) }
        let result = await fetcher.fetch(FetchRequest(url: url))
        var report = Report(url: url, isBroken: false, isGone: false, httpStatus: result.httpStatus, duration: result.duration,
                            warnings: [])
        switch result.outcome {
        case .failed(let failure):
            report.isBroken = true
            report.isGone = failure.isGone
            report.error = failure.message
        case .notModified:
            break
        case .body(let body):
            let started = Date()
            do {
                let parsed = try FeedBodyParsing.parse(body)
                report.itemCount = parsed.items.count
                report.newestItem = parsed.items.compactMap { $0.published ?? $0.updated }.max()
                report.warnings = parsed.warnings
                if parsed.items.isEmpty { report.warnings.append(words.tr("the feed has no items")) }
            } catch {
                report.isBroken = true
                report.error = error.text(in: words)
            }
            report.duration += Date().timeIntervalSince(started)
        }
        if let moved = result.movedTo { report.warnings.append(words.tr("moved permanently to %s", moved)) }
        return report
    }

    /// A query or search feed is made of stored articles: nothing to fetch. Its filter or its words are checked,
    /// as the feeds list and the store will read them.
    static func checkQuery(_ url: String, words: Catalogue = .english) -> Report {
        var report = Report(url: url, isBroken: false, isGone: false, duration: 0, warnings: [])
        do {
            if case .search(let words)? = try QueryFeed(url: url)?.kind {
                _ = try SearchQuery(parsing: words)
            }
            report.warnings = [words.tr("query feed: made of stored articles, never fetched")]
        } catch {
            report.isBroken = true
            report.error = words.text(of: error)
        }
        return report
    }
}
