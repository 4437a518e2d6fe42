import CLibXML2

/// What the SAX layer reports. Text arrives as bytes and is only copied by handlers that want it.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes)
    func endElement(_ name: XMLName)
    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool)
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
    private var entities: [String: xmlEntityPtr] = [:]
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

    func push(_ bytes: UnsafeRawBufferPointer) {
        guard let context, bytes.count > 0, !handler.wantsToStop else { return }
        var offset = 0
        // In slices: after each 4 KB parsed, libxml2 2.9 moves the unparsed rest of its buffer to the front,
        // so a large push is moved again and again (memmove was 3% of a 225 MB parse with 256 KB pushes).
        while offset < bytes.count {
            let length = min(bytes.count - offset, Self.slice)
            xmlParseChunk(context, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self), Int32(length), 0)
            offset += length
        }
    }

    func finish() {
        guard let context, !handler.wantsToStop else { return }
        xmlParseChunk(context, nil, 0, 1)
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
