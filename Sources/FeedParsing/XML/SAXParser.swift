import CLibXML2
import Foundation

/// What the SAX layer reports. Text arrives as libxml2's bytes (valid UTF-8: libxml2 checks every character),
/// copied only by handlers that want it.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes)
    func endElement(_ name: XMLName)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Set by the handler to stop the parse (the root element is not a feed).
    var wantsToStop: Bool { get }
}

/// libxml2's SAX2 parser over a whole UTF-8 document in memory, with the options that keep it safe: recover from
/// malformed input, never touch the network, print nothing. It has no entity callbacks at all, so no entity,
/// external or internal, is ever loaded or expanded: the references feeds use were made numeric beforehand
/// (`XMLMarkupRepair`).
final class SAXParser {
    static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    private let handler: any XMLEventHandler
    private let names = XMLNameTable()
    private var context: xmlParserCtxtPtr?
    /// libxml2's complaints, counted; the first few kept for warnings.
    private(set) var errorCount = 0
    private(set) var firstErrors: [String] = []

    init(handler: any XMLEventHandler) {
        self.handler = handler
    }

    /// Parses `document`, UTF-8 whatever its declaration says, calling the handler for each event.
    func parse(_ document: [UInt8]) {
        LibXML.initialize()
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
            let parser = SAXParser.from(ctx)
            qn_forgive_errors(parser.context)
            let attributes = XMLAttributes(pointer: attributes, count: Int(attributeCount), names: parser.names)
            parser.handler.startElement(parser.names.name(local: localname, prefix: prefix, uri: uri), attributes: attributes)
            if parser.handler.wantsToStop { xmlStopParser(parser.context) }
        }
        sax.endElementNs = { ctx, localname, prefix, uri in
            let parser = SAXParser.from(ctx)
            qn_forgive_errors(parser.context)
            parser.handler.endElement(parser.names.name(local: localname, prefix: prefix, uri: uri))
        }
        sax.characters = { ctx, bytes, length in
            let parser = SAXParser.from(ctx)
            qn_forgive_errors(parser.context)
            if let bytes { parser.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
        }
        sax.cdataBlock = sax.characters
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            SAXParser.from(ctx).record(error.pointee)
        }
        context = xmlCreatePushParserCtxt(&sax, nil, nil, 0, nil)
        guard let context else { return }
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        xmlCtxtUseOptions(context, Self.options)
        document.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { start in
                var offset = 0
                while offset < bytes.count, !handler.wantsToStop {
                    let count = min(Self.slice, bytes.count - offset)
                    xmlParseChunk(context, start + offset, Int32(count), 0)
                    offset += count
                }
            }
            if !handler.wantsToStop { xmlParseChunk(context, nil, 0, 1) }
        }
    }

    private static let slice = 32 << 10

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> SAXParser {
        Unmanaged<SAXParser>.fromOpaque(ctx!).takeUnretainedValue()
    }

    private func record(_ error: xmlError) {
        errorCount += 1
        guard firstErrors.count < 3 else { return }
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
        firstErrors.append("line \(error.line): \(PlainText.sanitized(message))")
    }
}
