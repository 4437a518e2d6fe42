// A file name made from hostile text (an article's title; later a podcast episode's): always one path component,
// never hidden, never an option, never `..`, within a byte limit every common file system accepts. The one
// place that turns text into a file name; it never touches the disk (the caller checks what exists).

public enum SafeFileName {
    /// Bytes of UTF-8 a name may take, extension and number included: under ext4's 255 with room to spare for
    /// file systems that store names longer (eCryptfs), and short enough to read in a listing.
    public static let maxBytes = 200

    /// Characters that are path syntax here or elsewhere (a save directory on a USB key is FAT): one "-" each.
    private static let replaced: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    /// `text` as a file name ending in `.ext`, or `fallback.ext` when nothing of it is left; `number` 2 or more
    /// comes before the extension ("Titre (2).txt"), for a name that is taken.
    public static func make(from text: String, extension ext: String, fallback: String = "article",
                            number: Int? = nil) -> String {
        let suffix = (number.map { $0 >= 2 ? " (\($0))" : "" } ?? "") + (ext.isEmpty ? "" : "." + ext)
        let room = maxBytes - suffix.utf8.count
        // Trimmed before the cut too: a leading "../.." would otherwise take room from the title.
        var stem = trimmed(cut(trimmed(cleaned(text)), toBytes: room))
        if stem.isEmpty { stem = trimmed(cut(trimmed(cleaned(fallback)), toBytes: room)) }
        if stem.isEmpty { stem = "article" }
        return stem + suffix
    }

    /// One line (SafeText's), path syntax a "-".
    private static func cleaned(_ text: String) -> String {
        String(String.UnicodeScalarView(SafeText.collapsedLine(text).unicodeScalars.map { replaced.contains($0) ? "-" : $0 }))
    }

    /// The longest prefix of whole characters (a letter keeps its accent) within `limit` bytes.
    private static func cut(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            guard used + size <= limit else { break }
            out.append(character)
            used += size
        }
        return out
    }

    /// No leading dot (hidden, `.` and `..`), dash (an option to any command it is given to) or space; no trailing
    /// dot or space (dropped by some file systems, so two names could meet).
    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == "." || first == "-" || first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == "." || last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
