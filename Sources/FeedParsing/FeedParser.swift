import CLibXML2
import Foundation

/// Bytes plus the URL they came from → `ParsedFeed`. The format is sniffed from the bytes: RSS 0.9x/1.0/2.0
/// and Atom 0.3/1.0 go through one streaming libxml2 SAX parser, JSON Feed through Foundation's JSON.
/// Pure apart from `parseFile`, which reads the file it is given and nothing else.
public struct FeedParser: Sendable {
    public static let defaultMaxBytes = 64 << 20

    /// Inputs larger than this are refused (`parse`, and `parseFile` for what it must hold in memory).
    public var maxBytes: Int
    /// CDATA sections this long go around libxml2 (`CDataSideline`); nil for none. Tests change it to check
    /// that nothing else does.
    var sidelinedCDATA: Int? = CDataSideline.usualShortest

    public init(maxBytes: Int = FeedParser.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    public func parse(_ bytes: Data, url: URL?, httpCharset: String? = nil) throws -> ParsedFeed {
        let input = Self.inputName(url)
        guard bytes.count <= maxBytes else { throw tooLarge(input, size: bytes.count) }
        return try bytes.withUnsafeBytes { raw in
            switch FeedSniffer.sniff(raw) {
            case .json:
                return try JSONFeedReader.parse(Data(raw), fetchURL: url, input: input)
            case .html:
                throw htmlPage(raw, url: url, input: input)
            case .empty:
                throw FeedParseError(input: input, reason: "not a feed: the file is empty")
            case .unknown:
                throw FeedParseError(input: input, reason: "not a feed: neither XML, JSON nor HTML")
            case .xml:
                let reader = XMLFeedReader(fetchURL: url, httpCharset: httpCharset, sidelinedCDATA: sidelinedCDATA, onItem: nil)
                reader.push(raw, final: true)
                return try outcome(reader.finish(), raw: raw, url: url, input: input)
            }
        }
    }

    /// Streams a file: items are handed to `onItem` one by one and not kept (the returned feed has none),
    /// and the file is read in chunks, so memory stays flat whatever its size. JSON and HTML inputs are
    /// read whole, within `maxBytes`. For XML, `onItem` runs on a thread of the parser's own, one call at a
    /// time and in document order, every call over before `parseFile` returns or throws.
    public func parseFile(at path: String, url: URL?, httpCharset: String? = nil,
                          onItem: (ParsedItem) -> Void) throws -> ParsedFeed {
        let input = url.map { Self.inputName($0) } ?? path
        let descriptor = path == "-" ? FileHandle.standardInput.fileDescriptor : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FeedParseError(input: input, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { if path != "-" { close(descriptor) } }
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var first = try readChunk(descriptor, into: &chunk, input: input)
        // Sniffing wants a few bytes more than a pipe may give in one read.
        while first > 0, first < 4096 {
            let more = try chunk.withUnsafeMutableBytes { buffer in
                try readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[first...]), input: input)
            }
            if more == 0 { break }
            first += more
        }
        let kind = chunk.withUnsafeBytes { FeedSniffer.sniff(UnsafeRawBufferPointer(rebasing: $0[..<first])) }
        guard kind == .xml else {
            var whole = Data(chunk[..<first])
            while let count = Optional(try readChunk(descriptor, into: &chunk, input: input)), count > 0 {
                whole.append(contentsOf: chunk[..<count])
                guard whole.count <= maxBytes else { throw tooLarge(input, size: whole.count) }
            }
            var feed = try parse(whole, url: url, httpCharset: httpCharset)
            feed.items.forEach(onItem)
            feed.items = []
            return feed
        }
        return try withoutActuallyEscaping(onItem) { onItem in
            let reader = XMLFeedReader(fetchURL: url, httpCharset: httpCharset, sidelinedCDATA: sidelinedCDATA, onItem: onItem)
            let (pipeline, rest) = chunk.withUnsafeBytes { whole in
                let (pipeline, rest) = reader.begin(UnsafeRawBufferPointer(rebasing: whole[..<first]))
                return (pipeline, [UInt8](rest))
            }
            // The rest of the file is read and repaired on another thread while libxml2 parses.
            let buffer = chunk
            let chunks = RepairedChunks { [self] put in
                var pipeline = pipeline
                var chunk = buffer
                var repaired: [UInt8] = []
                var sidelined: [SidelinedCDATA] = []
                func repair(_ bytes: UnsafeRawBufferPointer, final: Bool) -> Bool {
                    pipeline.push(bytes, final: final, sink: { repaired.append(contentsOf: $0) }, sidelined: { sidelined.append($0) })
                    guard !repaired.isEmpty else { return true }
                    defer { sidelined.removeAll() }
                    return put(&repaired, sidelined)
                }
                guard rest.withUnsafeBytes({ repair($0, final: false) }) else { return pipeline }
                while true {
                    let count = try readChunk(descriptor, into: &chunk, input: input)
                    guard count > 0 else { break }
                    guard chunk.withUnsafeBytes({ repair(UnsafeRawBufferPointer(rebasing: $0[..<count]), final: false) }) else {
                        return pipeline
                    }
                }
                _ = repair(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
                return pipeline
            }
            // A document that is no feed, read from standard input, answers at once: the reading thread is left
            // to end at its next read, which may only come when the writer closes the pipe (or the terminal).
            var abandonsReader = false
            defer { if !abandonsReader { chunks.stopAndWait() } }
            reader.finishItemsInParallel()
            // Every call to onItem is over before this closure returns, on an error too (it must not escape).
            defer { reader.drainItems() }
            while !reader.wantsToStop, var repaired = try chunks.next() {
                let bytes = repaired.bytes
                repaired.bytes = [] // the buffer's only owner is `bytes` now, so it is recycled, not copied
                bytes.withUnsafeBytes { reader.pushRepaired($0, sidelined: repaired.sidelined) }
                chunks.recycle(consume bytes)
            }
            // Stopped first: a document that is no feed leaves the producer waiting to hand on more.
            abandonsReader = reader.wantsToStop && path == "-"
            if abandonsReader {
                chunks.stopWithoutWaiting()
                reader.finishRepaired(pipeline: nil)
            } else {
                chunks.stopAndWait()
                reader.finishRepaired(pipeline: chunks.endedPipeline)
            }
            return try outcome(reader.finish(), raw: nil, url: url, input: input)
        }
    }

    private func outcome(_ outcome: XMLFeedReader.Outcome, raw: UnsafeRawBufferPointer?, url: URL?, input: String) throws -> ParsedFeed {
        switch outcome {
        case .feed(let feed):
            return feed
        case .notAFeed(let reason) where reason == "HTML page":
            if let raw { throw htmlPage(raw, url: url, input: input) }
            throw FeedParseError(input: input, reason: "not a feed: HTML page")
        case .notAFeed(let reason):
            throw FeedParseError(input: input, reason: "not a feed: \(reason)")
        }
    }

    private func htmlPage(_ raw: UnsafeRawBufferPointer, url: URL?, input: String) -> FeedParseError {
        let links = HTMLFeedLinks.find(in: raw, pageURL: url)
        let reason = links.isEmpty
            ? "not a feed: HTML page, and it links to no feed"
            : "not a feed: HTML page; it links to \(links.joined(separator: ", "))"
        return FeedParseError(input: input, reason: reason)
    }

    private func tooLarge(_ input: String, size: Int) -> FeedParseError {
        FeedParseError(input: input, reason: "refused: larger than the \(Self.mebibytes(maxBytes)) limit (\(Self.mebibytes(size)) read)")
    }

    private static func mebibytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }

    static func inputName(_ url: URL?) -> String {
        guard let url else { return "input" }
        return url.isFileURL ? url.path : url.absoluteString
    }

    /// Fills `buffer` from the start; returns how many bytes came (0 at the end).
    private func readChunk(_ descriptor: Int32, into buffer: inout [UInt8], input: String) throws -> Int {
        try buffer.withUnsafeMutableBytes { try readSome(descriptor, into: $0, input: input) }
    }

    private func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, input: String) throws -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw FeedParseError(input: input, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
    }
}

enum LibXML {
    /// Called once before any parse; libxml2 makes it idempotent.
    static func initialize() { xmlInitParser() }
}
