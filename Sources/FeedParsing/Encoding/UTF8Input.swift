import CLibXML2

/// A document's bytes as UTF-8, whatever they were written in, so that everything after this reads one
/// encoding: the byte-order mark dropped, windows-1252 and its Latin-1 aliases transcoded here, anything else
/// (UTF-16, ISO-8859-15, KOI8-R…) converted by libxml2's converters. A document read as UTF-8 is left as it
/// came: libxml2 checks every character as it reads, and only when it complains is the feed read again from
/// `checked()`, its stray bytes as windows-1252 (checking every feed first cost a tenth of a parse).
struct UTF8Input {
    private(set) var bytes: [UInt8]
    /// Bytes of a UTF-8 document that were not UTF-8 and were read as windows-1252.
    private(set) var repairedBytes = 0
    /// Bytes that libxml2's converter could not read in the declared encoding, each now U+FFFD.
    private(set) var unconvertedBytes = 0
    /// Whether every byte is known to be valid UTF-8.
    private var isChecked = true

    init(_ raw: UnsafeRawBufferPointer, httpCharset: String?) {
        let (encoding, bomLength) = InputEncoding.detect(prefix: raw, httpCharset: httpCharset)
        let body = UnsafeRawBufferPointer(rebasing: raw[bomLength...])
        switch encoding {
        case .utf8:
            bytes = Array(body)
            isChecked = false
        case .windows1252:
            bytes = []
            Windows1252.transcode(body, into: &bytes)
        case .converted(let name):
            let converted: [UInt8]
            (converted, unconvertedBytes) = Self.converted(body, from: name)
            // libxml2's converters let a lone surrogate through as invalid UTF-8: checked like any UTF-8.
            (bytes, repairedBytes) = converted.withUnsafeBytes { UTF8Repair.repaired($0) }
        }
        // libxml2 refuses an XML declaration after white space, which some servers put first.
        let leading = bytes.prefix(while: \.isXMLSpace).count
        if leading > 0 { bytes.removeFirst(leading) }
    }

    /// The document with every byte that is not UTF-8 read as windows-1252 (`UTF8Repair`); nil when it is
    /// valid UTF-8 as it is.
    func checked() -> UTF8Input? {
        guard !isChecked else { return nil }
        var input = self
        (input.bytes, input.repairedBytes) = bytes.withUnsafeBytes { UTF8Repair.repaired($0) }
        input.isChecked = true
        return input.repairedBytes > 0 ? input : nil
    }

    /// UTF-8 from libxml2's converter for `name`, one U+FFFD for each byte it cannot read.
    private static func converted(_ body: UnsafeRawBufferPointer, from name: String) -> ([UInt8], Int) {
        guard let handler = xmlFindCharEncodingHandler(name), let input = xmlBufferCreateSize(body.count + 1),
              let output = xmlBufferCreateSize(2 * body.count + 16) else { return ([], body.count) }
        defer {
            xmlBufferFree(input)
            xmlBufferFree(output)
            xmlCharEncCloseFunc(handler)
        }
        LibXML.initialize()
        if let base = body.baseAddress { xmlBufferAdd(input, base.assumingMemoryBound(to: xmlChar.self), Int32(body.count)) }
        var unreadable = 0
        var result: [UInt8] = []
        // Skipping less than a code unit would read the rest of a UTF-16 document out of step.
        let upper = name.uppercased()
        let unit = upper.hasPrefix("UTF-16") || upper.hasPrefix("UCS-2") ? 2 : upper.hasPrefix("UTF-32") || upper.hasPrefix("UCS-4") ? 4 : 1
        while xmlBufferLength(input) > 0 {
            let before = xmlBufferLength(input)
            _ = xmlCharEncInFunc(handler, output, input)
            result.append(contentsOf: UnsafeBufferPointer(start: xmlBufferContent(output), count: Int(xmlBufferLength(output))))
            xmlBufferEmpty(output)
            // No progress: the next code unit is not of this encoding, or starts a sequence cut by the end.
            if xmlBufferLength(input) == before {
                let skipped = min(Int(before), unit)
                xmlBufferShrink(input, UInt32(skipped))
                result += [0xEF, 0xBF, 0xBD]
                unreadable += skipped
            }
        }
        return (result, unreadable)
    }
}
