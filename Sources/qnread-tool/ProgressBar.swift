import ScreenKit

/// `[########------------] COUNTS` fitted to `width` columns, for the reload's and the downloads' progress lines: the
/// bar takes what the counts leave, at most 40 columns; with fewer than 5 left, the counts alone, cut to the width.
enum ProgressBar {
    static func line(_ counts: String, done: Int, of total: Int, width: Int) -> String {
        let room = min(40, width - DisplayWidth.of(counts) - 3)
        guard room >= 5 else { return DisplayWidth.truncate(counts, toWidth: max(0, width - 1), ellipsis: "") }
        let filled = total <= 0 ? room : min(room, room * max(0, done) / total)
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: room - filled) + "] " + counts
    }
}
