import ArgumentParser
import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import TextSafety

struct ImportFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-file",
        _superCommandName: "qnread",
        abstract: tr("Parse local feed files straight into the store."),
        discussion: tr("Each file becomes the feed file://ABSOLUTE-PATH unless --feed-url names it. A file that cannot be read or parsed is reported and recorded as a failed fetch; its stored articles are kept.")
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(tr("Feed files (RSS, Atom, JSON Feed).")))
    var files: [String]

    @Option(name: .customLong("feed-url"), help: ArgumentHelp(tr("The feed URL to store the file under (one file only)."), valueName: "url"))
    var feedURL: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError(tr("name at least one feed file")) }
        if feedURL != nil, files.count > 1 { throw ValidationError(tr("--feed-url names one feed: give one file")) }
    }

    func run() throws {
        let store = try global.openStore()
        var failures = 0
        for file in files {
            let fileURL = URL(fileURLWithPath: file).standardizedFileURL
            let url = feedURL ?? fileURL.absoluteString
            do {
                let result = try FeedImport(store: store).importFile(fileURL, as: url, now: Date())
                print(SafeText.line(file) + tr(": ") + trn("%d new", "%d new", result.new) + ", " + trn("%d updated", "%d updated", result.updated))
            } catch {
                failures += 1
                CommandOutput.printError(String(describing: error))
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}

/// Reads, parses and stores one file as the reload path stores one fetch: a failure is recorded, never applied.
struct FeedImport {
    var store: FeedStore

    func importFile(_ file: URL, as url: String, now: Date) throws -> IngestResult {
        let feed = try store.findOrCreateFeed(url: url)
        do {
            let bytes: Data
            do {
                bytes = try Data(contentsOf: file)
            } catch {
                throw CommandFailure(tr("%s: cannot read the file (%s)", file.path, (error as NSError).localizedDescription))
            }
            let parsed = try FeedParser().parse(bytes, url: file)
            for warning in parsed.warnings { CommandOutput.printWarning("\(file.path): \(warning)") }
            let result = try store.apply(parsed, to: feed.id, now: now)
            try store.recordFetch(.success(httpStatus: nil, validators: FeedValidators()), for: feed.id, at: now)
            return result
        } catch let error as FeedStoreError {
            throw error
        } catch {
            try store.recordFetch(.failure(httpStatus: nil, message: String(describing: error)), for: feed.id, at: now)
            throw error
        }
    }
}
