/// A file read and repaired (XMLInputPipeline) on a thread of its own while libxml2 parses the chunks already
/// repaired: on a 2-core machine the two halves overlap instead of taking turns. At most a few chunks wait,
/// so memory stays bounded however large the file.
final class RepairedChunks {
    private let queue = Handoff<[UInt8]>(capacity: 4)
    private let ended = EndedPipeline()
    private let worker: Worker

    /// `produce` reads and repairs, handing each repaired chunk to its argument (which returns false once the
    /// consumer has stopped listening), and returns the pipeline as it ended, for its repair counts.
    init(_ produce: @escaping @Sendable (_ put: ([UInt8]) -> Bool) throws -> XMLInputPipeline) {
        let queue = self.queue, ended = self.ended
        worker = Worker {
            do {
                ended.pipeline = try produce { queue.put($0) }
                queue.close()
            } catch {
                queue.close(failing: error)
            }
        }
    }

    /// The next repaired chunk, nil at the end; rethrows the producer's read error.
    func next() throws -> [UInt8]? { try queue.next() }

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
