/// Bytes on their way to libxml2: decoded to UTF-8 where we do it ourselves (windows-1252, repaired UTF-8),
/// then stray "&" and "<" escaped. Encodings libxml2 converts (UTF-16…) go through untouched.
struct XMLInputPipeline {
    private let encoding: InputEncoding
    private var utf8Repair = UTF8Repair()
    private var ampersands: UnescapedTextRepair
    private var transcoded: [UInt8] = []

    /// With a `sideline`, long CDATA sections leave the stream for `push`'s `sidelined` (see `CDataSideline`).
    init(encoding: InputEncoding, sideline: CDataSideline? = nil) {
        self.encoding = encoding
        ampersands = UnescapedTextRepair(sideline: sideline)
    }

    var repairedBytes: Int { utf8Repair.repairedBytes }
    var repairedAmpersands: Int { ampersands.repairedCount }

    /// Hands the bytes for libxml2 to `sink`, and each sidelined section to `sidelined` before its marker.
    mutating func push(_ chunk: UnsafeRawBufferPointer, final: Bool, sink: (UnsafeRawBufferPointer) -> Void,
                       sidelined: (SidelinedCDATA) -> Void = { _ in }) {
        switch encoding {
        case .converted:
            sink(chunk)
        case .windows1252:
            Windows1252.transcode(chunk, into: &transcoded)
            var amp = ampersands
            transcoded.withUnsafeBytes { whole in
                var run = ContiguousRun(within: whole)
                amp.process(whole, sink: { run.add($0, sink: sink) }, sidelined: sidelined)
                if final { amp.finish(sink: { run.add($0, sink: sink) }, sidelined: sidelined) }
                run.flush(sink: sink)
            }
            ampersands = amp
        case .utf8:
            var amp = ampersands
            var run = ContiguousRun(within: chunk)
            utf8Repair.process(chunk, final: final) { piece in
                amp.process(piece, sink: { run.add($0, sink: sink) }, sidelined: sidelined)
            }
            if final { amp.finish(sink: { run.add($0, sink: sink) }, sidelined: sidelined) }
            run.flush(sink: sink)
            ampersands = amp
        }
    }
}

/// The repairs hand on their output in pieces (one per "&", say). Pieces that follow each other in the
/// chunk are joined back into one run, so libxml2 gets a few large pushes instead of thousands of tiny
/// ones, each with its own bookkeeping. Pieces from elsewhere (repaired bytes) go on at once, in order.
private struct ContiguousRun {
    private let chunk: UnsafeRawBufferPointer
    private var start: UnsafeRawPointer?
    private var count = 0

    init(within chunk: UnsafeRawBufferPointer) {
        self.chunk = chunk
    }

    mutating func add(_ piece: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Void) {
        guard let base = piece.baseAddress, piece.count > 0 else { return }
        if let start, start + count == base {
            count += piece.count
            return
        }
        flush(sink: sink)
        if let low = chunk.baseAddress, base >= low, base + piece.count <= low + chunk.count {
            start = base
            count = piece.count
        } else {
            sink(piece)
        }
    }

    mutating func flush(sink: (UnsafeRawBufferPointer) -> Void) {
        guard let start, count > 0 else { return }
        sink(UnsafeRawBufferPointer(start: start, count: count))
        self.start = nil
        count = 0
    }
}
