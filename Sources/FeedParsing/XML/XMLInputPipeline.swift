/// Bytes on their way to libxml2: decoded to UTF-8 where we do it ourselves (windows-1252, repaired UTF-8),
/// then stray "&" and "<" escaped. Encodings libxml2 converts (UTF-16…) go through untouched.
struct XMLInputPipeline {
    private let encoding: InputEncoding
    private var utf8Repair = UTF8Repair()
    private var ampersands = UnescapedTextRepair()
    private var transcoded: [UInt8] = []

    init(encoding: InputEncoding) {
        self.encoding = encoding
    }

    var repairedBytes: Int { utf8Repair.repairedBytes }
    var repairedAmpersands: Int { ampersands.repairedCount }

    mutating func push(_ chunk: UnsafeRawBufferPointer, final: Bool, sink: (UnsafeRawBufferPointer) -> Void) {
        switch encoding {
        case .converted:
            sink(chunk)
        case .windows1252:
            Windows1252.transcode(chunk, into: &transcoded)
            transcoded.withUnsafeBytes { ampersands.process($0, sink: sink) }
            if final { ampersands.finish(sink: sink) }
        case .utf8:
            var amp = ampersands
            utf8Repair.process(chunk, final: final) { amp.process($0, sink: sink) }
            if final { amp.finish(sink: sink) }
            ampersands = amp
        }
    }
}
