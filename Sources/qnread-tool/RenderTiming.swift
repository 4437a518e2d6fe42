import ArticleText
import Foundation
import ReaderCore

/// `show --repeat N`: times the in-process render (parse, then layout) N times and prints the medians on
/// stderr, so the benchmark can separate rendering from process start-up.
enum RenderTiming {
    static func measure(html: String, baseURL: URL?, width: Int, runs: Int) {
        var parse: [Double] = []
        var layout: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            var document: ArticleDocument?
            let parsed = clock.measure { document = ArticleDocument(html: html, baseURL: baseURL) }
            var lineCount = 0
            let laidOut = clock.measure { lineCount = ArticleLayout.lines(for: document!, width: width).count }
            precondition(lineCount > 0 || html.isEmpty)
            parse.append(milliseconds(parsed))
            layout.append(milliseconds(laidOut))
        }
        let total = zip(parse, layout).map { $0 + $1 }
        let line = String(format: "render: %d runs, %d bytes, width %d: median %.3f ms (parse %.3f ms + layout %.3f ms), fastest %.3f ms (parse %.3f + layout %.3f)\n",
                          runs, html.utf8.count, width, median(total), median(parse), median(layout),
                          total.min() ?? 0, parse.min() ?? 0, layout.min() ?? 0)
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
