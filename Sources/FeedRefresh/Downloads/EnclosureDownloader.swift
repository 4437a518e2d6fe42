import FeedFetching
import FeedModel
import FeedStorage
import Foundation
import TextSafety

/// Downloads enclosures into the download directory, a bounded number at once, each into `NAME.part` renamed to
/// NAME only once whole, so a download killed at any point (kill -9 included) leaves no file under its final name;
/// the store keeps the partial path, and the next run resumes it with `Range`. Never overwrites a file it did not
/// write: a name already taken gets a number. Prints nothing (the caller reports `DownloadEvent`s).
public struct EnclosureDownloader: Sendable {
    public struct Settings: Sendable {
        public var directory: String
        public var name: DownloadName
        public var maxBytes: Int64
        public var concurrency: Int
        public var fetch: FetchSettings

        public init(directory: String, name: DownloadName, maxBytes: Int64, concurrency: Int, fetch: FetchSettings) {
            // "~/Balados/" and "~/Balados" are one directory (a resumed path is matched against it).
            var directory = directory
            while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
            self.directory = directory
            self.name = name
            self.maxBytes = maxBytes
            self.concurrency = max(1, concurrency)
            self.fetch = fetch
        }
    }

    /// How a run ended, counted.
    public struct Tally: Sendable, Hashable {
        public var done = 0
        public var failed = 0
    }

    /// The suffix of a file being downloaded.
    public static let partialSuffix = ".part"

    private let store: FeedStore
    private let settings: Settings
    private let fetcher: FeedFetcher

    public init(store: FeedStore, settings: Settings) {
        self.store = store
        self.settings = settings
        var fetch = settings.fetch
        // One fetcher for the whole run: its transfer loop holds the number at once, its connections are shared.
        fetch.maxConcurrent = settings.concurrency
        fetch.maxPerHost = settings.concurrency
        fetch.maxBodyBytes = Int(clamping: settings.maxBytes)
        fetcher = FeedFetcher(settings: fetch)
    }

    public func run(_ items: [EnclosureItem], report: @escaping @Sendable (DownloadEvent) -> Void) async -> Tally {
        let limit = settings.concurrency
        return await withTaskGroup(of: Bool.self) { group in
            var tally = Tally()
            var next = 0
            func count(_ ok: Bool) { if ok { tally.done += 1 } else { tally.failed += 1 } }
            while next < items.count || next > tally.done + tally.failed {
                if next < items.count, next - tally.done - tally.failed < limit {
                    let item = items[next]
                    group.addTask { await download(item, report: report) }
                    next += 1
                } else if let ok = await group.next() {
                    count(ok)
                }
            }
            return tally
        }
    }

    /// One enclosure, start to end; true when its file is complete.
    private func download(_ item: EnclosureItem, report: @escaping @Sendable (DownloadEvent) -> Void) async -> Bool {
        let store = self.store
        func fail(_ reason: String, partial: String?) -> Bool {
            try? store.recordDownload(item.id, DownloadState(phase: .failed, path: partial, received: 0, total: nil, error: reason))
            report(.failed(item, reason: reason))
            return false
        }
        let partial: String
        do {
            partial = try partialPath(for: item)
        } catch {
            return fail("\(error)", partial: nil)
        }
        report(.started(item, partialPath: partial))
        let id = item.id
        try? store.recordDownload(id, DownloadState(phase: .downloading, path: partial, total: item.enclosure.length))
        // Each store write wakes every reader on the store (it reloads its lists): the progress there is coarse, and
        // the caller's report, which feeds the status line, finer.
        let reported = ProgressThrottle(every: 0.25)
        let stored = ProgressThrottle(every: 5, since: Date())
        let result = await fetcher.download(DownloadRequest(url: item.enclosure.url, partialPath: partial, maxBytes: settings.maxBytes)) { received, total in
            if stored.due() {
                try? store.recordDownload(id, DownloadState(phase: .downloading, path: partial, received: received, total: total))
            }
            if reported.due() { report(.progress(id, received: received, total: total)) }
        }
        if let failure = result.failure {
            // Worth resuming: a connection lost or too slow during a 2xx body, a disk full (what it took is kept, and
            // flushed: FeedFetcher removes a file it could not flush). Anything else (a 404, the cap, a body longer
            // than announced) starts over next time.
            let resumable = [.network, .timeout, .tooSlow, .file].contains(failure.kind)
                && failure.httpStatus.map { (200..<300).contains($0) } != false
            if !resumable { unlink(partial) }
            try? store.recordDownload(id, DownloadState(phase: .failed, path: resumable ? partial : nil, received: resumable ? result.bytes : 0,
                                                        total: result.total, error: failure.message))
            report(.failed(item, reason: failure.message))
            return false
        }
        // The final name first, then the store, and only then the partial file goes: a store that cannot say done
        // keeps a partial path that is still there, and the next run resumes it (a 416, whole) instead of
        // downloading the episode again under another name.
        let final: FinalName
        do {
            final = try giveFinalName(partial, for: item)
        } catch {
            return fail("\(error)", partial: partial)
        }
        do {
            try store.recordDownload(id, DownloadState(phase: .done, path: final.path, received: result.bytes, total: result.bytes))
        } catch {
            final.undo()
            try? store.recordDownload(id, DownloadState(phase: .failed, path: partial, received: result.bytes, total: result.bytes,
                                                        error: "\(error)"))
            report(.failed(item, reason: "\(error)"))
            return false
        }
        final.dropPartial()
        report(.finished(item, path: final.path, bytes: result.bytes, resumedFrom: result.resumedFrom, restarted: result.restarted))
        return true
    }

    /// The partial file of an interrupted download when the store remembers one still on disk, else a new name
    /// whose final and partial files are both free; its directories are made.
    private func partialPath(for item: EnclosureItem) throws -> String {
        if let path = item.download?.path, path.hasSuffix(Self.partialSuffix), item.download?.phase != .done,
           path.hasPrefix(settings.directory + "/"), FileManager.default.fileExists(atPath: path) {
            return path
        }
        for number in Self.numbers {
            let path = self.path(for: item, number: number)
            if !exists(path), !exists(path + Self.partialSuffix) {
                try makeDirectories(for: path)
                // Claimed at once, so a second download in this run picks another name.
                let fd = open(path + Self.partialSuffix, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard fd >= 0 else { continue }
                close(fd)
                return path + Self.partialSuffix
            }
        }
        throw FeedStoreError("no free file name for “\(SafeText.line(item.articleTitle))” in \(settings.directory)")
    }

    /// No number first, then 2, 3…
    private static let numbers = [nil] + (2...999).map(Optional.some)

    /// `item`'s file under the download directory, by `download_name`, numbered when asked.
    private func path(for item: EnclosureItem, number: Int?) -> String {
        let parts = settings.name.components(feedTitle: item.feedTitle, articleTitle: item.articleTitle, date: item.date,
                                             url: item.enclosure.url, type: item.enclosure.type, number: number)
        return ([settings.directory] + parts).joined(separator: "/")
    }

    /// Gives the whole partial file its final name: the partial path without its suffix, or, when another file took
    /// that one meanwhile, the name `download_name` numbers, beside it. A hard link never replaces a file, so a name
    /// taken between the check and the link is not lost; where the file system has no hard links (FAT), a rename
    /// after the check.
    private func giveFinalName(_ partial: String, for item: EnclosureItem) throws -> FinalName {
        let path = String(partial.dropLast(Self.partialSuffix.count))
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        for number in Self.numbers {
            let candidate = number.map {
                directory.appendingPathComponent(URL(fileURLWithPath: self.path(for: item, number: $0)).lastPathComponent).path
            } ?? path
            if link(partial, candidate) == 0 { return FinalName(path: candidate, partial: partial, linked: true) }
            if errno == EEXIST { continue }
            guard !exists(candidate) else { continue }
            guard rename(partial, candidate) == 0 else {
                throw FeedStoreError("cannot rename \(partial): \(String(cString: strerror(errno)))")
            }
            return FinalName(path: candidate, partial: partial, linked: false)
        }
        throw FeedStoreError("no free file name for \(path)")
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private func makeDirectories(for path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FeedStoreError("cannot make \(directory): \(error.localizedDescription)")
        }
    }
}

/// A whole download under its final name, hard-linked to its partial file (or renamed from it, without hard links)
/// until the store has recorded it.
private struct FinalName {
    let path: String
    let partial: String
    let linked: Bool

    /// The store has the final name: the partial name goes.
    func dropPartial() {
        if linked { unlink(partial) }
    }

    /// The store could not record it: back to the partial name alone, which the store still holds.
    func undo() {
        if linked { unlink(path) } else { rename(path, partial) }
    }
}

/// True at most once per `interval`: how often one download's progress is passed on.
private final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: TimeInterval
    private var last: Date

    /// `since`: the last time counted as passed on (the first `due()` is at once by default).
    init(every interval: TimeInterval, since last: Date = .distantPast) {
        self.interval = interval
        self.last = last
    }

    func due() -> Bool {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(last) >= interval else { return false }
            last = now
            return true
        }
    }
}
