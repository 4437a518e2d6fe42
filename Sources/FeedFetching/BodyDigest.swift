import CXXHash
import Foundation

/// The "same bytes as last time" check for servers without validators: XXH3's 128-bit hash of a body, as
/// lowercase hex, from Debian's libxxhash. Change detection is all it serves (nothing here must resist a forger:
/// a server that wants a reader to re-read its feed only has to change it), so a fast hash, not a cryptographic one.
enum BodyDigest {
    static func hex(_ data: Data) -> String {
        let hash = data.withUnsafeBytes { XXH3_128bits($0.baseAddress, $0.count) }
        return hex(hash.high64) + hex(hash.low64)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
