import ReaderCore

/// The lines `qnread-tool reload --progress-lines` prints for the reader that started it, one per finished feed:
/// `progress DONE TOTAL FAILED`; a sync ends with `summary TEXT`, the line the reader's status shows. Anything else
/// it prints (a warning, an error) is a line of plain text.
public enum ReloadProgressLine {
    public static func summary(_ text: String) -> String {
        "summary " + text
    }

    /// The text of a summary line, or nil when it is not one.
    public static func parseSummary(_ line: Substring) -> String? {
        line.hasPrefix("summary ") ? String(line.dropFirst("summary ".count)) : nil
    }

    /// `notice TEXT`: new articles arrived, TEXT says how many (NewArticlesNotice), for the reader to announce.
    public static func notice(_ text: String) -> String {
        "notice " + text
    }

    public static func parseNotice(_ line: Substring) -> String? {
        line.hasPrefix("notice ") ? String(line.dropFirst("notice ".count)) : nil
    }

    public static func format(done: Int, total: Int, failed: Int) -> String {
        "progress \(done) \(total) \(failed)"
    }

    /// The progress a line reports, or nil when it is not a progress line.
    public static func parse(_ line: Substring) -> ReloadProgress? {
        let fields = line.split(separator: " ")
        guard fields.count == 4, fields[0] == "progress",
              let done = Int(fields[1]), let total = Int(fields[2]), let failed = Int(fields[3]),
              done >= 0, total >= done, failed >= 0, failed <= done
        else { return nil }
        return ReloadProgress(done: done, total: total, failed: failed)
    }
}
