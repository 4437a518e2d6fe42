import TextSafety

// Everything in an article is hostile: this is the filter every text run goes through, so no article can
// send an escape sequence (C0/C1 controls) or reorder the screen (bidi controls): TextSafety's `SafeText` list,
// applied to libxml2's UTF-8 as it is copied.
public enum TerminalSafeText {
    /// Plain text for one line (a title, an author): `SafeText.collapsedLine`.
    public static func plain(_ text: String) -> String {
        SafeText.collapsedLine(text)
    }

    /// How white space is treated.
    enum Mode {
        /// HTML flow text: runs of white space become one space.
        case collapse
        /// `pre`: newlines kept, tabs expanded to the next multiple of 8 columns.
        case verbatim
    }

    /// Filters NUL-terminated UTF-8 (libxml2 always hands out valid UTF-8) into `output`.
    struct Filter {
        let mode: Mode
        var output: [UInt8] = []
        /// True at the start of a block, so leading white space is dropped.
        var lastWasSpace = true
        /// Bytes since the last newline, for tab stops in `pre` (close enough: tabs follow ASCII code).
        private var column = 0

        init(mode: Mode) { self.mode = mode }

        mutating func append(_ text: UnsafePointer<UInt8>) {
            var p = text
            while true {
                let byte = p[0]
                if byte == 0 { return }
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let scalar = Self.scalar(p, length: length)
                if SafeText.isSpace(scalar) {
                    whiteSpace(scalar)
                } else if !SafeText.isUnsafe(scalar) {
                    for offset in 0..<length { output.append(p[offset]) }
                    lastWasSpace = false
                    column += 1
                }
                p += length
            }
        }

        /// The scalar a valid UTF-8 sequence of `length` bytes encodes.
        private static func scalar(_ p: UnsafePointer<UInt8>, length: Int) -> Unicode.Scalar {
            var value = length == 1 ? UInt32(p[0]) : UInt32(p[0]) & (0xFF >> (length + 1))
            for offset in 1..<max(length, 1) { value = value << 6 | UInt32(p[offset] & 0x3F) }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }

        private mutating func space() {
            switch mode {
            case .collapse:
                if !lastWasSpace { output.append(0x20) }
                lastWasSpace = true
            case .verbatim:
                output.append(0x20)
                column += 1
            }
        }

        /// `SafeText.isSpace` white space: collapsed in flow text; in `pre`, newlines kept and tabs expanded.
        private mutating func whiteSpace(_ scalar: Unicode.Scalar) {
            guard mode == .verbatim else { return space() }
            switch scalar {
            case " ":
                space()
            case "\n":
                output.append(0x0A)
                column = 0
            case "\t":
                let next = (column / 8 + 1) * 8
                while column < next { output.append(0x20); column += 1 }
            case "\u{2028}", "\u{2029}", "\u{85}":
                output.append(0x0A)
                column = 0
            default:
                break   // CR, VT and FF mean nothing on a terminal line
            }
        }
    }
}
