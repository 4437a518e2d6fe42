import Foundation

/// Compression bombs made by python3's zlib: GiB of zeros in about 1 KB of compressed stream per MiB. One MiB of
/// zeros is deflated once with a full flush (so the block stands alone) and repeated; the header and the trailer
/// (CRC-32 or Adler-32, and the length) are written around it, so the stream is valid to its end. Made once per
/// test process and kept in memory (about 2 MB for 2 GiB).
public enum CompressionBomb {
    public enum Encoding: String, Sendable {
        case gzip
        /// HTTP's "deflate" is the zlib format (RFC 1950).
        case deflate
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String: Data] = [:]

    public static func data(_ encoding: Encoding, gibibytes: Int) throws -> Data {
        let key = "\(encoding.rawValue)-\(gibibytes)"
        if let data = lock.withLock({ made[key] }) { return data }
        let data = try python(script, arguments: [encoding.rawValue, String(gibibytes)])
        lock.withLock { made[key] = data }
        return data
    }

    private static let script = #"""
import sys, zlib
encoding, mebibytes = sys.argv[1], int(sys.argv[2]) * 1024
zeros = bytes(1 << 20)
compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
length = mebibytes << 20
if encoding == "gzip":
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(zeros, crc)
    head, tail = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", crc.to_bytes(4, "little") + (length & 0xFFFFFFFF).to_bytes(4, "little")
else:
    head, tail = b"\x78\xda", (((length % 65521) << 16) | 1).to_bytes(4, "big")   # Adler-32 of zeros
out = sys.stdout.buffer
out.write(head)
for _ in range(mebibytes):
    out.write(block)
out.write(b"\x03\x00")   # an empty final block
out.write(tail)
"""#

    static func python(_ script: String, arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw LocalHTTPServerError("python3 failed (status \(process.terminationStatus))") }
        return data
    }
}
