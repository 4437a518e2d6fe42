import Foundation

/// glibc's allocator hands the top of its heap back to the system whenever more than 128 KB of it is free.
/// A reload parses feeds on several threads and frees their articles on the store's writer thread, so the heap
/// shrinks and grows again and again. `reload` keeps up to 4 MiB of freed memory for reuse instead. Measured on the
/// streaming parse this was written for (since removed): 5,000 brk calls and their page faults for 225 MB, 20% of
/// the parse, became 668; 16 MiB was no faster. The memory goes back when the command ends.
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
