/// `itunes:duration` and Media RSS `duration` as whole seconds. Feeds write it every way: "3723", "62:03",
/// "1:02:03", "01:02:03.500", with stray spaces ("1: 02 :03 "), minutes over 59 ("75:00"). Anything else (a
/// word, a negative number, more than three parts) is no duration rather than a wrong one.
public enum EnclosureDuration {
    /// Longer than this is a typo (a length in bytes, milliseconds): a week.
    static let maxSeconds = 7 * 24 * 3600

    public static func seconds(_ text: String) -> Int? {
        let compact = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        var parts = compact.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count) else { return nil }
        // Only the seconds may carry a fraction, which is dropped.
        let seconds = parts.removeLast().split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if seconds.count == 2, !isNumber(seconds[1]) { return nil }
        var total = 0
        for part in parts + [String(seconds[0])] {
            guard isNumber(part), let value = Int(part) else { return nil }
            total = total * 60 + value
        }
        return total <= maxSeconds ? total : nil
    }

    private static func isNumber(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 9 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
