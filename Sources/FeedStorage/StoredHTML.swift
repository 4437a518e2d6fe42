import CZstd
import Foundation
import GRDB
import TextSafety

/// Article HTML as the store keeps it (`summary_html`, `content_html`): a BLOB is one zstd frame of the UTF-8 HTML,
/// a TEXT is the HTML itself (stores written before 2026-12-06, and HTML too short to gain from compression).
/// Level 3 on the bench corpus's articles (~4.6 KB each): 2.06× smaller, and an article opens in microseconds
/// (bench/store.sh prints it beside SQLite reading the uncompressed row).
enum StoredHTML {
    /// zstd's default level: levels up to 19 saved under 4 % more on the bench corpus, at many times the CPU per reload.
    static let level: Int32 = 3

    /// The column value for `html`: compressed when that makes it smaller.
    static func value(_ html: String?) -> DatabaseValue {
        guard let html else { return .null }
        let bytes = Array(html.utf8)
        if let compressed = compress(bytes), compressed.count < bytes.count { return compressed.databaseValue }
        return html.databaseValue
    }

    /// The HTML a column value holds; nil for NULL, and for a BLOB that is not a zstd frame qnread wrote.
    static func html(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): text
        case .blob(let data): decompress(data)
        case .null, .int64, .double: nil
        }
    }

    private static func compress(_ bytes: [UInt8]) -> Data? {
        contexts.withCompression { context in
            let bound = ZSTD_compressBound(bytes.count)
            var output = Data(count: bound)
            let written = output.withUnsafeMutableBytes { out in
                bytes.withUnsafeBytes { source in
                    ZSTD_compressCCtx(context, out.baseAddress, bound, source.baseAddress, source.count, level)
                }
            }
            guard ZSTD_isError(written) == 0 else { return nil }
            output.count = written
            return output
        }
    }

    /// The plain text of the HTML a column value holds (HTMLPlainText), as the search index reads it: a compressed
    /// value is stripped as the bytes it decompresses to, with no String of its HTML made on the way (a search
    /// derives it for each snippet it shows).
    static func plainText(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): HTMLPlainText.text(of: text)
        case .blob(let data): decompressed(data).map { $0.withUnsafeBufferPointer(HTMLPlainText.text(ofUTF8:)) } ?? ""
        case .null, .int64, .double: ""
        }
    }

    private static func decompress(_ data: Data) -> String? {
        decompressed(data).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The frame records its size (ZSTD_compressCCtx writes it): one allocation, one pass.
    private static func decompressed(_ data: Data) -> [UInt8]? {
        let size = data.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // Unknown, error, or beyond anything a feed could have delivered.
        guard size < 1 << 30 else { return nil }
        return contexts.withDecompression { context in
            var bytes = [UInt8](repeating: 0, count: Int(size))
            let written = bytes.withUnsafeMutableBytes { out in
                data.withUnsafeBytes { source in
                    ZSTD_decompressDCtx(context, out.baseAddress, out.count, source.baseAddress, source.count)
                }
            }
            guard ZSTD_isError(written) == 0, written == bytes.count else { return nil }
            return bytes
        }
    }

    /// zstd contexts kept between calls: creating one per article cost more than compressing it. Ingest prepares
    /// feeds on several threads, so each call takes a context out of the pool and puts it back.
    private static let contexts = ContextPool()

    private final class ContextPool: @unchecked Sendable {
        private let lock = NSLock()
        private var compression: [OpaquePointer] = []
        private var decompression: [OpaquePointer] = []

        func withCompression<T>(_ body: (OpaquePointer) -> T?) -> T? {
            guard let context = lock.withLock({ compression.popLast() }) ?? ZSTD_createCCtx() else { return nil }
            defer { lock.withLock { compression.append(context) } }
            return body(context)
        }

        func withDecompression<T>(_ body: (OpaquePointer) -> T?) -> T? {
            guard let context = lock.withLock({ decompression.popLast() }) ?? ZSTD_createDCtx() else { return nil }
            defer { lock.withLock { decompression.append(context) } }
            return body(context)
        }
    }
}
