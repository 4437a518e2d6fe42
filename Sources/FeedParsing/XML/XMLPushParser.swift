import CLibXML2

/// What the SAX layer reports. Text arrives as bytes and is only copied by handlers that want it.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes)
    func endElement(_ name: XMLName)
    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool)
    /// A CDATA section's content that went around libxml2 (`CDataSideline`).
    func text(sidelined bytes: [UInt8])
    /// Set by the handler to stop the parse (the root element is not a feed).
    var wantsToStop: Bool { get }
}

/// libxml2's SAX2 push parser, fed chunk by chunk, with the options that keep it safe: recover from
/// malformed input, never touch the network, never substitute or load external entities, print nothing.
/// HTML entities that feeds use without declaring them (&nbsp; &eacute;) come from libxml2's HTML table.
final class XMLPushParser {
    static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    private static let slice = 32 << 10
    private let handler: any XMLEventHandler
    let names = XMLNameTable()
    private var context: xmlParserCtxtPtr?
    /// Where the CDATA sections that went around libxml2 wait for their markers.
    var sidelined: SidelinedPayloads?
    private var entities: [String: xmlEntityPtr] = [:]
    /// The start of the next slice, until it is whole.
    private var staged: [UInt8] = []
    /// Bytes pushed so far, so slices end at the same places of the stream.
    private var offset = 0
    private var sawElement = false
    /// libxml2's complaints, counted; the first few kept for warnings.
    private(set) var errorCount = 0
    private(set) var firstErrors: [String] = []

    init(handler: any XMLEventHandler, converting encoding: String?) {
        self.handler = handler
        LibXML.initialize()
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
            XMLPushParser.borrow(ctx) { parser in
                qn_keep_entities(parser.context)
                parser.sawElement = true
                let name = parser.names.name(local: localname, prefix: prefix, uri: uri)
                let attrs = XMLAttributes(pointer: attributes, count: Int(attributeCount), names: parser.names)
                parser.handler.startElement(name, attributes: attrs)
                if parser.handler.wantsToStop { xmlStopParser(parser.context) }
            }
        }
        sax.endElementNs = { ctx, localname, prefix, uri in
            XMLPushParser.borrow(ctx) { parser in
                qn_keep_entities(parser.context)
                parser.handler.endElement(parser.names.name(local: localname, prefix: prefix, uri: uri))
            }
        }
        sax.characters = { ctx, bytes, length in
            XMLPushParser.borrow(ctx) { parser in
                qn_keep_entities(parser.context)
                if let bytes { parser.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length)), cdata: false) }
            }
        }
        sax.cdataBlock = { ctx, bytes, length in
            XMLPushParser.borrow(ctx) { parser in
                if let bytes { parser.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length)), cdata: true) }
            }
        }
        sax.processingInstruction = { ctx, target, data in
            XMLPushParser.borrow(ctx) { parser in
                qn_keep_entities(parser.context)
                guard let target, let payload = parser.sidelined?.payload(target: target, data: data) else { return }
                parser.handler.text(sidelined: payload)
            }
        }
        sax.getEntity = { ctx, name in
            let parser = XMLPushParser.from(ctx)
            qn_keep_entities(parser.context)
            guard let name else { return nil }
            return parser.htmlEntity(named: name)
        }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            XMLPushParser.from(ctx).record(error.pointee)
        }
        context = xmlCreatePushParserCtxt(&sax, nil, nil, 0, nil)
        // userData is set after creation so the callbacks reach this object; the parser outlives the context.
        context?.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        xmlCtxtUseOptions(context, Self.options)
        if let encoding, let converter = xmlFindCharEncodingHandler(encoding) {
            xmlSwitchToEncoding(context, converter)
        }
    }

    deinit {
        if let context {
            xmlFreeParserCtxt(context)
        }
        for entity in entities.values { qn_free_text_entity(entity) }
    }

    /// libxml2 gets the input in slices that end at the same places of the stream (every 32 KB), whatever
    /// pieces it comes in: how libxml2 recovers from broken input depends on where its pushes end, and a file
    /// must parse alike in memory and streamed. Until the first element nothing waits, so a document that is
    /// no feed is refused at once. Slices, not one push: after each 4 KB parsed, libxml2 2.9 moves the
    /// unparsed rest of its buffer to the front, so a large push is moved again and again (memmove was 3% of
    /// a 225 MB parse with 256 KB pushes).
    func push(_ bytes: UnsafeRawBufferPointer) {
        guard context != nil, bytes.count > 0, !handler.wantsToStop else { return }
        var rest = bytes
        while rest.count > 0, !handler.wantsToStop {
            let room = Self.slice - offset % Self.slice
            let taken = min(room, rest.count)
            let piece = UnsafeRawBufferPointer(rebasing: rest[..<taken])
            if staged.isEmpty && taken == room {
                parseSlice(piece)
            } else {
                staged.append(contentsOf: piece)
                if taken == room { flushStaged() }
            }
            offset += taken
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
        }
        if !sawElement { flushStaged() }
    }

    func finish() {
        guard let context, !handler.wantsToStop else { return }
        flushStaged()
        guard !handler.wantsToStop else { return }
        xmlParseChunk(context, nil, 0, 1)
    }

    private func flushStaged() {
        guard !staged.isEmpty else { return }
        staged.withUnsafeBytes { parseSlice($0) }
        staged.removeAll(keepingCapacity: true)
    }

    private func parseSlice(_ slice: UnsafeRawBufferPointer) {
        xmlParseChunk(context, slice.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(slice.count), 0)
    }

    var line: Int { Int(qn_line_number(context)) }

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> XMLPushParser {
        Unmanaged<XMLPushParser>.fromOpaque(ctx!).takeUnretainedValue()
    }

    /// The parser behind a callback's context, borrowed for the call: events come by the thousand (text
    /// comes in one call per entity), and a retain and release each showed in the profile.
    @inline(__always)
    private static func borrow(_ ctx: UnsafeMutableRawPointer?, _ body: (XMLPushParser) -> Void) {
        Unmanaged<XMLPushParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
    }

    /// An undeclared entity looked up in the HTML 4 table; made once per name and parse.
    private func htmlEntity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        let key = names.string(name)
        if let known = entities[key] { return known }
        guard let description = htmlEntityLookup(name), let scalar = Unicode.Scalar(description.pointee.value) else { return nil }
        guard let entity = String(Character(scalar)).withCString({ qn_new_text_entity(name, $0) }) else { return nil }
        entities[key] = entity
        return entity
    }

    private func record(_ error: xmlError) {
        errorCount += 1
        guard firstErrors.count < 3 else { return }
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
        firstErrors.append("line \(error.line): \(PlainText.sanitized(message))")
    }
}

import Foundation
