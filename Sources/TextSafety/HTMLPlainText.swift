// HTML → one line of plain text, for titles and for the search index: tags removed, entities decoded, white
// space collapsed (`SafeText.isSpace`), unsafe characters dropped (`SafeText.isUnsafe`). Not a renderer
// (ArticleText does that); it only has to be fast — one pass over the UTF-8 bytes — and never glue two words
// of different blocks together. A "<" that starts no tag ("a < b") is text.

public enum HTMLPlainText {
    /// The plain text of an HTML fragment; empty when it has none.
    public static func text(of html: String) -> String {
        var html = html
        return html.withUTF8(text(ofUTF8:))
    }

    /// The same from bytes meant as UTF-8 (the store's decompressed HTML), without making a String of them first;
    /// bytes that are not UTF-8 come out as U+FFFD or not at all, and never let a control character through.
    public static func text(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var reader = HTMLBytes(bytes)
        var output = PlainTextOutput(capacity: bytes.count)
        reader.strip(into: &output)
        return output.finish()
    }
}

/// Elements whose text is never shown, and elements whose boundaries separate words, by `TagName` key.
private enum ElementKinds {
    static let hidden: Set<UInt128> = Set(["script", "style", "template", "noscript"].map(TagName.key))
    static let block: Set<UInt128> = Set([
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "iframe", "img", "input", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select",
        "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "video", "audio",
    ].map(TagName.key))
}

/// A tag name of up to 16 lowercase ASCII bytes packed into one integer: a set lookup per tag then costs no
/// allocation and no hashing of an array (every tag of every article body goes through here on ingest).
private enum TagName {
    static let tooLong: UInt128 = 0

    static func key(_ name: String) -> UInt128 {
        var key: UInt128 = 0
        for (offset, byte) in name.utf8.enumerated() { key |= UInt128(byte) << (8 * offset) }
        return key
    }
}

/// A cursor over the HTML's bytes.
private struct HTMLBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func strip(into output: inout PlainTextOutput) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                index += 1
                readMarkup(into: &output)
            } else if byte == UInt8(ascii: "&") {
                index += 1
                let start = index
                if let scalar = HTMLEntities.decode(bytes, at: &index) {
                    output.append(scalar)
                } else {
                    index = start
                    output.appendASCII(byte)
                }
            } else if byte > 0x20, byte < 0x7F {
                // A run of visible ASCII (most of French prose between accents) goes in at once.
                let start = index
                index += 1
                while index < bytes.count, bytes[index] > 0x20, bytes[index] < 0x7F,
                      bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") {
                    index += 1
                }
                output.appendVisibleASCII(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            } else if byte < 0x80 {
                output.appendASCII(byte)
                index += 1
            } else {
                readMultibyte(into: &output)
            }
        }
    }

    /// The multi-byte sequence at `index` (its first byte is 0x80 or above). Bytes that start no well-formed sequence
    /// (possible only through `text(ofUTF8:)`) become one U+FFFD each, and the bytes after them are read afresh.
    private mutating func readMultibyte(into output: inout PlainTextOutput) {
        let first = bytes[index]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        let end = index + length
        guard first >= 0xC2, first <= 0xF4, end <= bytes.count,
              bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            output.append("\u{FFFD}")
            index += 1
            return
        }
        output.appendMultibyte(bytes[index..<end])
        index = end
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = text.utf8Start
        for offset in 0..<count where lowercase(bytes[index + offset]) != pattern[offset] { return false }
        return true
    }

    /// Consumes one tag, comment or declaration after its `<`.
    private mutating func readMarkup(into output: inout PlainTextOutput) {
        if starts(with: "!--") {
            index += 3
            skip(past: "-->")
            return
        }
        if starts(with: "![cdata[") {
            index += 8
            while index < bytes.count {
                if starts(with: "]]>") { index += 3; return }
                let byte = bytes[index]
                if byte < 0x80 { output.appendASCII(byte); index += 1; continue }
                readMultibyte(into: &output)
            }
            return
        }
        guard index < bytes.count else { output.appendASCII(UInt8(ascii: "<")); return }
        let first = bytes[index]
        let isClosing = first == UInt8(ascii: "/")
        guard isClosing || first == UInt8(ascii: "!") || first == UInt8(ascii: "?") || isLetter(first) else {
            output.appendASCII(UInt8(ascii: "<")) // a lone `<` in text, as in « a < b »
            return
        }
        if isClosing { index += 1 }
        let nameStart = index
        var name: UInt128 = 0
        while index < bytes.count, isLetter(bytes[index]) || (0x30...0x39).contains(bytes[index]) {
            let offset = index - nameStart
            if offset < 16 { name |= UInt128(lowercase(bytes[index])) << (8 * offset) } else { name = TagName.tooLong }
            index += 1
        }
        let nameLength = index - nameStart
        if nameLength > 16 { name = TagName.tooLong }
        skipTag()
        if !isClosing, ElementKinds.hidden.contains(name) { skip(pastClosing: nameStart..<nameStart + nameLength) }
        if ElementKinds.block.contains(name) { output.appendSpace() }
    }

    /// Skips to the end of a tag, past quoted attribute values that may contain `>`.
    private mutating func skipTag() {
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return
            }
        }
    }

    private mutating func skip(past terminator: StaticString) {
        while index < bytes.count {
            if starts(with: terminator) { index += terminator.utf8CodeUnitCount; return }
            index += 1
        }
    }

    /// Skips the content of a hidden element up to and including its closing tag; `name` is where the
    /// element's name stands in the bytes. Without a closing tag nothing is skipped: in a title such as
    /// "How <script> tags block rendering" the rest is text, not a script.
    private mutating func skip(pastClosing name: Range<Int>) {
        var end = index
        while end < bytes.count {
            if bytes[end] == UInt8(ascii: "<"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "/"),
               end + 2 + name.count <= bytes.count,
               (0..<name.count).allSatisfy({ lowercase(bytes[end + 2 + $0]) == lowercase(bytes[name.lowerBound + $0]) }) {
                index = end + 2 + name.count
                skipTag()
                return
            }
            end += 1
        }
    }

    private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    private func lowercase(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 32 : byte }
}

/// Collects UTF-8, collapsing runs of white space into one space and dropping what must never be indexed.
private struct PlainTextOutput {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func appendSpace() { pendingSpace = !bytes.isEmpty }

    mutating func appendASCII(_ byte: UInt8) {
        if SafeText.isSpace(Unicode.Scalar(byte)) {
            appendSpace()
        } else if byte >= 0x20, byte != 0x7F {
            flushSpace()
            bytes.append(byte)
        }
    }

    /// Bytes all between 0x21 and 0x7E.
    mutating func appendVisibleASCII(_ run: UnsafeBufferPointer<UInt8>) {
        flushSpace()
        bytes.append(contentsOf: run)
    }

    /// One well-formed multi-byte UTF-8 sequence (Swift strings hold nothing else).
    mutating func appendMultibyte(_ sequence: Slice<UnsafeBufferPointer<UInt8>>) {
        var value: UInt32 = 0
        for (offset, byte) in sequence.enumerated() {
            value = offset == 0 ? UInt32(byte) & (0xFF >> (sequence.count + 1)) : value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        if SafeText.isSpace(scalar) {
            appendSpace()
        } else if !SafeText.isUnsafe(scalar) {
            flushSpace()
            bytes.append(contentsOf: sequence)
        }
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            appendASCII(UInt8(scalar.value))
        } else if SafeText.isSpace(scalar) {
            appendSpace()
        } else if !SafeText.isUnsafe(scalar) {
            flushSpace()
            bytes.append(contentsOf: String(scalar).utf8)
        }
    }

    private mutating func flushSpace() {
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
        }
    }

    func finish() -> String { String(decoding: bytes, as: UTF8.self) }
}
