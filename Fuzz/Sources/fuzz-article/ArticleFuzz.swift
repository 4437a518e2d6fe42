import ArticleText
import Foundation
import ReaderCore
import ScreenKit

// Article HTML → ArticleDocument → the pager's lines. The first byte is the width (clamped to 1...300), the rest
// the HTML. Beyond not crashing, the pager's promises hold (as in ArticleLayoutTests' random articles): every line
// fits the width but verbatim ones, and no control or bidi character gets out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let width = min(max(Int(data[0]), 1), 300)
    let html = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let document = ArticleDocument(html: html, baseURL: URL(string: "https://fuzz.example/billet/"))
    let header = ArticleHeader(title: document.title ?? "Sans titre", feed: "Fuzz", link: "https://fuzz.example/billet/")
    for line in ArticleLayout.page(header: header, document: document, width: width) {
        let isVerbatim = line.spans.contains { $0.roles.contains(.code) }
        if !isVerbatim, DisplayWidth.of(line.text) > max(width, 2) {
            fatalError("width \(width): \(DisplayWidth.of(line.text)) columns: \(line.text.debugDescription)")
        }
        if let forbidden = line.text.unicodeScalars.first(where: isForbidden) {
            fatalError("U+\(String(forbidden.value, radix: 16)) reached the screen: \(line.text.debugDescription)")
        }
    }
    return 0
}

private func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
        || (0x2066...0x2069).contains(scalar.value)
}
