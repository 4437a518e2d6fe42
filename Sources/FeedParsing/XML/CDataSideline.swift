import CLibXML2
import Foundation

/// Long CDATA sections go around libxml2. They are the article bodies that make up most of a WordPress
/// feed's bytes, and libxml2 walks each of them twice (looking for "]]>", then checking every character)
/// only to hand them on unchanged. The input repair (`UnescapedTextRepair`, which already tells CDATA from
/// text) moves such a section's content into a payload and leaves in its place an empty section and a
/// processing instruction naming the payload: `<![CDATA[]]><?qnread-cdata NONCE INDEX⏎⏎?>`, with as many
/// line breaks as the content had, so libxml2's line numbers stay right. The handler gets the payload as the
/// section's text at the marker's place (`SidelinedPayloads`). The nonce is random per parse: a feed cannot
/// forge a marker.
struct SidelinedCDATA: Sendable {
    let index: Int
    let bytes: [UInt8]
}

/// The producing half: the content of the section being read, and the numbering.
struct CDataSideline {
    static let target = "qnread-cdata"
    /// Shorter sections that end in the chunk they start in stay in the stream: the marker costs as much.
    static let usualShortest = 256
    /// A section that grows past this goes back into the stream, and libxml2 reads it as it would have: a
    /// streamed parse keeps its memory flat even for a huge section in an element nobody reads.
    static let longest = 4 << 20

    let nonce: UInt64
    /// The shortest section sidelined (tests sideline them all).
    let shortest: Int
    private var nextIndex = 0
    private var content: [UInt8] = []
    private var marker: [UInt8] = []

    init(nonce: UInt64, shortest: Int) {
        self.nonce = nonce
        self.shortest = shortest
    }

    static func nonceText(_ nonce: UInt64) -> String {
        let hex = String(nonce, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        content.append(contentsOf: bytes)
    }

    var isTooLong: Bool { content.count > Self.longest }

    /// The content so far, back into the stream (right after the "<![CDATA[" already there).
    mutating func giveBack(sink: (UnsafeRawBufferPointer) -> Void) {
        content.withUnsafeBytes(sink)
        content = []
    }

    /// "]" already appended turned out to be the "]]" of the section's end.
    mutating func dropLast(_ count: Int) {
        content.removeLast(min(count, content.count))
    }

    /// Ends the section: its content goes to `sidelined`, the empty section and marker to `sink`.
    mutating func close(sink: (UnsafeRawBufferPointer) -> Void, sidelined: (SidelinedCDATA) -> Void) {
        let lineBreaks = Self.lineBreaks(in: content)
        marker.removeAll(keepingCapacity: true)
        marker.append(contentsOf: "]]><?\(Self.target) \(Self.nonceText(nonce)) \(nextIndex)".utf8)
        marker.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: lineBreaks))
        marker.append(contentsOf: "?>".utf8)
        sidelined(SidelinedCDATA(index: nextIndex, bytes: content))
        nextIndex += 1
        content = []
        marker.withUnsafeBytes(sink)
    }

    private static func lineBreaks(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            guard var cursor = buffer.baseAddress else { return 0 }
            let end = cursor + buffer.count
            var count = 0
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                count += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }
}

/// The consuming half, on libxml2's thread: payloads wait here from the moment their chunk arrives until
/// libxml2 reaches their marker.
final class SidelinedPayloads {
    /// Payloads whose markers libxml2 never reads (it gave up on a broken document; the marker sits in an
    /// attribute) are let go once this many bytes wait, oldest first: a broken file cannot pile them up.
    static let mostWaiting = 32 << 20

    private let expected: [UInt8]
    private var waiting: [(index: Int, bytes: [UInt8])] = []
    private var head = 0
    private var waitingBytes = 0

    init(nonce: UInt64) {
        expected = Array("\(CDataSideline.nonceText(nonce)) ".utf8)
    }

    func adopt(_ payload: SidelinedCDATA) {
        if head > 64, head * 2 > waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        waiting.append((payload.index, payload.bytes))
        waitingBytes += payload.bytes.count
        while waitingBytes > Self.mostWaiting, head + 1 < waiting.count { dropFirst() }
    }

    private func dropFirst() {
        waitingBytes -= waiting[head].bytes.count
        waiting[head].bytes = []
        head += 1
    }

    /// The payload a processing instruction names, if it is one of our markers.
    func payload(target: UnsafePointer<xmlChar>, data: UnsafePointer<xmlChar>?) -> [UInt8]? {
        guard strcmp(UnsafeRawPointer(target).assumingMemoryBound(to: CChar.self), CDataSideline.target) == 0, let data else { return nil }
        for (offset, byte) in expected.enumerated() where data[offset] != byte { return nil }
        var index = 0
        var cursor = data + expected.count
        guard cursor.pointee >= 0x30, cursor.pointee <= 0x39 else { return nil }
        while cursor.pointee >= 0x30, cursor.pointee <= 0x39 {
            index = index &* 10 &+ Int(cursor.pointee - 0x30)
            cursor += 1
        }
        // Markers come in order; those skipped were lost with a broken part of the document.
        while head < waiting.count, waiting[head].index < index { dropFirst() }
        guard head < waiting.count, waiting[head].index == index else { return nil }
        let bytes = waiting[head].bytes
        dropFirst()
        return bytes
    }
}
