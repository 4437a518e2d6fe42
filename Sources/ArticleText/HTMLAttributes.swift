import CLibXML2
import Foundation

/// Reading an element's attributes, and the decisions taken from them alone.
enum HTMLAttributes {
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard node.pointee.properties != nil else { return nil }
        let value = name.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlGetProp(node, $0) }
        }
        guard let value else { return nil }
        defer { qn_xml_free(value) }
        return String(cString: value)
    }

    private static func hasAttribute(_ node: xmlNodePtr, _ name: String) -> Bool {
        name.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlHasProp(node, $0) != nil }
        }
    }

    /// `hidden`, `aria-hidden="true"` or an inline style that hides it.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        if hasAttribute(node, "hidden") { return true }
        if attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        guard let style = attribute(node, "style")?.lowercased().replacingOccurrences(of: " ", with: "") else {
            return false
        }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    /// A 1×1 (or 0×0) image is a tracking pixel, never content.
    static func isTrackingPixel(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        return ["width", "height"].contains { name in
            guard let value = attribute(node, name) else { return false }
            let digits = value.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
            return Int(digits).map { $0 <= 1 } ?? false
        }
    }

    static func looksLikeAudio(_ url: String) -> Bool {
        let lowered = url.lowercased()
        let audioHosts = ["soundcloud.com", "spotify.com", "anchor.fm", "podbean.com", "ausha.co", "podcasts.apple.com"]
        let audioExtensions = [".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac"]
        return audioHosts.contains { lowered.contains($0) }
            || audioExtensions.contains { lowered.split(separator: "?").first?.hasSuffix($0) == true }
    }
}
