// Terminal display width of text, per grapheme cluster. (Skeleton: the rendering issue fills in the real table.)
public enum DisplayWidth {
    /// Columns one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int { 1 }

    /// Columns a string takes.
    public static func of<S: StringProtocol>(_ text: S) -> Int { text.reduce(0) { $0 + of($1) } }

    /// The longest prefix that fits in `width` columns, ending in `ellipsis` when cut; never splits a cluster.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return "" }
        var used = 0
        var out = ""
        for character in text {
            let w = of(character)
            if used + w > room { break }
            used += w
            out.append(character)
        }
        return out + ellipsis
    }
}
