import ArgumentTables
import FeedFetching
import FeedList
import FeedModel
import FeedParsing
import FeedRefresh
import Foundation
import Localization
import ReaderConfig
import TextSafety

struct FeedsCheckCommand {
    static let table = CommandTable(
        "check",
        abstract: N_("Fetch and parse every feed, print a table, and exit non-zero when any is broken."),
        discussion: N_("Nothing is stored. Query and search feeds are not fetched: their filter or words are checked. Meant for cron or a monitoring system; --json for machines."),
        rows: [.flag("json", help: N_("Print JSON: one object per feed."))] + FetchOptions.rows,
        run: { try FeedsCheckCommand($0).run() })

    var json: Bool
    var fetch: FetchOptions

    init(_ values: ParsedValues) throws {
        json = values.flag("json")
        fetch = try FetchOptions(values)
    }

    func run() throws {
        let editing = FeedListEditing()
        editing.reportProblems()
        let urls = editing.layers.feeds.map(\.url)
        let config = ToolConfiguration.load(from: ReaderPaths.configFile(option: nil, environment: ToolEnvironment.variables))
        var settings = fetch.settings(config: config.settings)
        if json { settings.catalogue = .english }  // JSON never changes with the language
        let check = FeedCheck(settings: settings, embedded: DemoFeed.embedded)
        let reports = runBlocking { await check.run(urls) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports.map(CheckJSON.init)), as: UTF8.self))
        } else {
            print(CheckTable.render(reports), terminator: "")
        }
        let broken = reports.filter(\.isBroken).count
        if broken > 0 {
            Terminal.warn(trn("%d of %d feeds are broken", "%d of %d feeds are broken", broken, broken, reports.count))
            throw ExitCode.failure
        }
    }
}

/// The table `feeds check` prints: fixed columns, then the URL and what went wrong.
enum CheckTable {
    static func render(_ reports: [FeedCheck.Report]) -> String {
        var rows = [[tr("STATUS"), "HTTP", tr("ITEMS"), tr("NEWEST"), tr("TIME"), "URL", tr("WARNINGS")]]
        for report in reports {
            let status = report.isGone ? tr("gone") : report.isBroken ? tr("broken") : tr("ok")
            var notes = report.warnings
            if let error = report.error { notes.insert(error, at: 0) }
            rows.append([status, report.httpStatus.map(String.init) ?? "-", report.itemCount.map(String.init) ?? "-",
                         report.newestItem.map(CheckJSON.shortDate) ?? "-", String(format: "%.2fs", report.duration),
                         URLText.printable(report.url), SafeText.collapsedLine(notes.joined(separator: "; "))])
        }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<6).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + (row[6].isEmpty ? "" : "  " + row[6])
        }.map { $0.trimmingCharacters(in: .whitespaces) + "\n" }.joined()
    }
}

private struct CheckJSON: Encodable {
    var url: String
    var status: String
    var http: Int?
    var items: Int?
    var newest: String?
    var seconds: Double
    var warnings: [String]
    var error: String?

    init(_ report: FeedCheck.Report) {
        url = URLText.printable(report.url)
        status = report.isGone ? "gone" : report.isBroken ? "broken" : "ok"
        http = report.httpStatus
        items = report.itemCount
        newest = report.newestItem.map(FeedDate.rfc3339)
        seconds = (report.duration * 1000).rounded() / 1000
        warnings = report.warnings.map(SafeText.collapsedLine)
        error = report.error.map(SafeText.collapsedLine)
    }

    /// `2026-11-14 15:00`, UTC.
    static func shortDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime]
        return String(formatter.string(from: date).prefix(16))
    }
}
