// Everything in an article is hostile: this is the filter every text run goes through, so no article can
// send an escape sequence (C0/C1 controls) or reorder the screen (bidi embeddings, overrides, isolates).
public enum TerminalSafeText {
    /// Plain text for one line (a title, an author): controls and bidi controls removed, white space
    /// collapsed and trimmed. No-break spaces are kept.
    public static func plain(_ text: String) -> String {
        var filter = Filter(mode: .collapse)
        var bytes = Array(text.utf8)
        bytes.append(0)
        bytes.withUnsafeBufferPointer { filter.append($0.baseAddress!) }
        while filter.output.last == 0x20 { filter.output.removeLast() }
        return String(decoding: filter.output, as: UTF8.self)
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
                if byte < 0x80 {
                    if byte >= 0x20 && byte != 0x7F {
                        if byte == 0x20 { space() } else { keep(byte) }
                    } else if byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D {
                        whiteSpaceControl(byte)
                    }
                    p += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if Self.isRemoved(p, length: length) {
                    p += length
                    continue
                }
                if length == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9) {
                    space()   // U+2028, U+2029: line and paragraph separators
                    p += 3
                    continue
                }
                for offset in 0..<length { output.append(p[offset]) }
                lastWasSpace = false
                column += 1
                p += length
            }
        }

        private mutating func keep(_ byte: UInt8) {
            output.append(byte)
            lastWasSpace = false
            column += 1
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

        private mutating func whiteSpaceControl(_ byte: UInt8) {
            guard mode == .verbatim else { return space() }
            switch byte {
            case 0x0A:
                output.append(0x0A)
                column = 0
            case 0x09:
                let next = (column / 8 + 1) * 8
                while column < next { output.append(0x20); column += 1 }
            default:
                break   // CR and FF mean nothing on a terminal line
            }
        }

        /// C1 controls, soft hyphen, Arabic letter mark, LRM/RLM, bidi embeddings/overrides/isolates, BOM.
        private static func isRemoved(_ p: UnsafePointer<UInt8>, length: Int) -> Bool {
            switch length {
            case 2:
                return (p[0] == 0xC2 && (p[1] <= 0x9F || p[1] == 0xAD)) || (p[0] == 0xD8 && p[1] == 0x9C)
            case 3:
                if p[0] == 0xE2 && p[1] == 0x80 { return p[2] == 0x8E || p[2] == 0x8F || (0xAA...0xAE).contains(p[2]) }
                if p[0] == 0xE2 && p[1] == 0x81 { return (0xA6...0xA9).contains(p[2]) }
                return p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
            default:
                return false
            }
        }
    }
}
