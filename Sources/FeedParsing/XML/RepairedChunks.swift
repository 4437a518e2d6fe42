import Foundation

/// A file read and repaired (XMLInputPipeline) on a thread of its own while libxml2 parses the chunks already
/// repaired: on a 2-core machine the two halves overlap instead of taking turns. At most a few chunks wait,
/// so memory stays bounded however large the file.
final class RepairedChunks {
    /// Bytes for libxml2, and the CDATA sections sidelined from them.
    struct Chunk {
        var bytes: [UInt8]
        var sidelined: [SidelinedCDATA]
    }

    private let queue = Handoff<Chunk>(capacity: 4)
    private let spares = SpareBuffers()
    private let ended = EndedPipeline()
    private let worker: Worker

    /// `produce` reads and repairs, handing each repaired chunk to its argument (which returns false once the
    /// consumer has stopped listening, and leaves an empty buffer in its place to fill next), and returns the
    /// pipeline as it ended, for its repair counts.
    init(_ produce: @escaping @Sendable (_ put: (inout [UInt8], [SidelinedCDATA]) -> Bool) throws -> XMLInputPipeline) {
        let queue = self.queue, spares = self.spares, ended = self.ended
        worker = Worker {
            do {
                ended.pipeline = try produce { chunk, sidelined in
                    let full = chunk
                    chunk = spares.take()
                    return queue.put(Chunk(bytes: full, sidelined: sidelined))
                }
                queue.close()
            } catch {
                queue.close(failing: error)
            }
        }
    }

    /// The next repaired chunk, nil at the end; rethrows the producer's read error.
    func next() throws -> Chunk? { try queue.next() }

    /// A chunk libxml2 is done with, for the producer to fill again. A fresh 256 KB buffer per chunk came from
    /// mmap, so every chunk cost page faults on one thread and a munmap on the other (10% of a 225 MB parse).
    func recycle(_ chunk: consuming [UInt8]) {
        spares.give(chunk)
    }

    /// The pipeline as the producer left it (nil if reading failed), once `stopAndWait()` has returned.
    var endedPipeline: XMLInputPipeline? { ended.pipeline }

    /// Stops the producer (the document turned out not to be a feed, say) and waits until it has let go of
    /// the file, so the caller may close it.
    func stopAndWait() {
        queue.stop()
        worker.wait()
    }

    /// Stops the producer without waiting for it: for standard input, whose next read may not return before the
    /// writer closes it. The producer's thread ends at its next read; it owns nothing the caller still uses.
    func stopWithoutWaiting() {
        queue.stop()
    }
}

/// Written by the producer's thread before it ends, read after `Worker.wait()`: the wait orders the two.
private final class EndedPipeline: @unchecked Sendable {
    var pipeline: XMLInputPipeline?
}

/// Emptied chunk buffers waiting to be filled again, their capacity kept.
private final class SpareBuffers: @unchecked Sendable {
    private let lock = NSLock()
    private var buffers: [[UInt8]] = []

    func take() -> [UInt8] {
        lock.lock()
        var buffer = buffers.popLast() ?? []
        lock.unlock()
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    func give(_ buffer: consuming [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        if buffers.count < 8 { buffers.append(buffer) }
    }
}
