import Foundation

/// One XML feed read chunk by chunk: picks the encoding from the first chunk, then runs the bytes through
/// `XMLInputPipeline` into libxml2, whose events `FeedXMLHandler` turns into the feed.
final class XMLFeedReader {
    enum Outcome {
        case feed(ParsedFeed)
        case notAFeed(String)
    }

    private let handler: FeedXMLHandler
    private let httpCharset: String?
    private var parser: XMLPushParser?
    private var pipeline: XMLInputPipeline?
    private let sidelinedCDATA: Int?

    init(fetchURL: URL?, httpCharset: String?, sidelinedCDATA: Int? = CDataSideline.usualShortest, onItem: ((ParsedItem) -> Void)?) {
        handler = FeedXMLHandler(fetchURL: fetchURL, onItem: onItem)
        self.httpCharset = httpCharset
        self.sidelinedCDATA = sidelinedCDATA
    }

    func push(_ chunk: UnsafeRawBufferPointer, final: Bool) {
        var chunk = chunk
        if parser == nil {
            let (pipeline, rest) = begin(chunk)
            self.pipeline = pipeline
            chunk = rest
        }
        guard let parser else { return }
        pipeline?.push(chunk, final: final, sink: { parser.push($0) }, sidelined: { parser.sidelined?.adopt($0) })
        if final { parser.finish() }
    }

    /// Reads the encoding off the first chunk and sets up libxml2 for it. Returns the pipeline that repairs
    /// the input and what of the first chunk is left for it (byte order mark and leading space dropped).
    func begin(_ first: UnsafeRawBufferPointer) -> (XMLInputPipeline, UnsafeRawBufferPointer) {
        let (encoding, bomLength) = InputEncoding.detect(prefix: first, httpCharset: httpCharset)
        var chunk = UnsafeRawBufferPointer(rebasing: first[bomLength...])
        if case .converted = encoding {} else {
            chunk = UnsafeRawBufferPointer(rebasing: chunk[FeedSniffer.leadingSpace(chunk)...])
        }
        var converted: String?
        if case .converted(let name) = encoding { converted = name }
        // UTF-8 input goes through UTF8Repair, windows-1252 through the transcoder; libxml2 converts the rest.
        handler.inputIsCheckedUTF8 = converted == nil
        let parser = XMLPushParser(handler: handler, converting: converted)
        self.parser = parser
        // Only bytes that the pipeline reads itself can be sidelined; libxml2 converts the others.
        guard let shortest = sidelinedCDATA, converted == nil else { return (XMLInputPipeline(encoding: encoding), chunk) }
        let nonce = UInt64.random(in: .min ... .max)
        parser.sidelined = SidelinedPayloads(nonce: nonce)
        return (XMLInputPipeline(encoding: encoding, sideline: CDataSideline(nonce: nonce, shortest: shortest)), chunk)
    }

    /// Bytes a pipeline from `begin` has already repaired, straight to libxml2, with the sections it
    /// sidelined on the way.
    func pushRepaired(_ bytes: UnsafeRawBufferPointer, sidelined payloads: [SidelinedCDATA]) {
        for payload in payloads { parser?.sidelined?.adopt(payload) }
        parser?.push(bytes)
    }

    /// The end of input repaired elsewhere; `pipeline` is the repairing pipeline as it ended, for its warnings.
    func finishRepaired(pipeline: XMLInputPipeline?) {
        self.pipeline = pipeline
        parser?.finish()
    }

    /// Items go to `onItem` from a thread of their own (`ItemFinisher`).
    func finishItemsInParallel() { handler.finishItemsInParallel() }

    /// Waits until every item finished so far has reached `onItem`.
    func drainItems() { handler.drainItems() }

    /// The document said it is not a feed: the rest of the input can be left unread.
    var wantsToStop: Bool { handler.wantsToStop }

    var itemCount: Int { handler.itemCount }

    func finish() -> Outcome {
        defer { handler.drainItems() }
        if let reason = handler.notAFeed { return .notAFeed(reason) }
        guard let format = handler.format else {
            let why = parser?.firstErrors.first.map { " (\($0))" } ?? ""
            return .notAFeed("no XML element found\(why)")
        }
        handler.finishDocument()
        handler.drainItems()
        var feed = handler.makeFeed(format: format, items: handler.items)
        if let parser, parser.errorCount > 0 {
            let first = parser.firstErrors.first.map { "; first at \($0)" } ?? ""
            feed.warnings.insert("recovered from \(parser.errorCount) XML error\(parser.errorCount == 1 ? "" : "s")\(first)", at: 0)
        }
        if let pipeline, pipeline.repairedBytes > 0 {
            feed.warnings.append("\(pipeline.repairedBytes) byte\(pipeline.repairedBytes == 1 ? " was" : "s were") not UTF-8 and read as windows-1252")
        }
        if let pipeline, pipeline.repairedAmpersands > 0 {
            feed.warnings.append("kept \(pipeline.repairedAmpersands) unescaped “&” or “<” as text")
        }
        return .feed(feed)
    }
}
