import Foundation

/// glibc's allocator hands the top of its heap back to the system whenever more than 128 KB of it is free.
/// A streaming parse allocates each item's text on libxml2's thread and frees it on the finisher's, so the
/// heap shrank and grew again thousands of times per large feed (5,000 brk calls and their page faults for
/// 225 MB, 20% of the parse). Commands that parse keep up to 4 MiB of freed memory for reuse instead (668
/// brk calls for the same parse; 16 MiB was no faster, and peaked at 47–59 MiB against 45–51). The memory
/// goes back when the command ends.
enum MallocTuning {
    static func keepFreedMemory() {
        // mallopt is glibc's, and Swift's Glibc module does not declare it.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1 // M_TRIM_THRESHOLD in <malloc.h>
        _ = mallopt(trimThreshold, 4 << 20)
    }
}
