import ReaderCore

/// The lines `qnread-tool download --progress-lines` prints for the reader that started it: `download DONE TOTAL
/// FAILED PERCENT` (PERCENT of the bytes expected, `-` while unknown), when a download starts or ends and a few
/// times a second while bytes arrive. Anything else it prints is a line of plain text.
public enum DownloadProgressLine {
    public static func format(_ progress: DownloadProgress) -> String {
        "download \(progress.done) \(progress.total) \(progress.failed) " + (progress.percent.map(String.init) ?? "-")
    }

    public static func parse(_ line: Substring) -> DownloadProgress? {
        let fields = line.split(separator: " ")
        guard fields.count == 5, fields[0] == "download", let done = Int(fields[1]), let total = Int(fields[2]),
              let failed = Int(fields[3]), done >= 0, failed >= 0, done + failed <= total
        else { return nil }
        let percent = fields[4] == "-" ? nil : Int(fields[4]).flatMap { (0...100).contains($0) ? $0 : nil }
        return DownloadProgress(done: done, total: total, failed: failed, percent: percent)
    }
}
