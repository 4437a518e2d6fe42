/// Finishes items on a thread of its own (`ItemDraft.assembled`: their text fields cleaned, dates and people
/// parsed, HTML bodies made Strings) and hands them to `onItem`, in document order, one call at a time, while
/// libxml2 parses on. Items travel in small batches, so the two threads meet a few hundred times per
/// 50,000 items, not 50,000 (each meeting wakes a sleeping thread).
final class ItemFinisher {
    private typealias Batch = [(draft: ItemDraft, number: Int)]
    private static let batchSize = 128

    private let queue = Handoff<Batch>(capacity: 4)
    private var batch: Batch = []
    private let worker: Worker
    private let delivery: Delivery

    /// `onItem` is called on the finisher's thread, never concurrently, and every call is over when
    /// `finish()` returns.
    init(onItem: @escaping (ParsedItem) -> Void) {
        let queue = self.queue
        // Let go of on the worker before `finish()` returns: parseFile passes a non-escaping closure
        // (withoutActuallyEscaping), and the runtime traps if anything still holds it after the parse.
        let deliver = Delivery(onItem)
        delivery = deliver
        worker = Worker {
            while let batch = try? queue.next() {
                for (draft, number) in batch {
                    let (item, warnings) = draft.assembled(number: number)
                    deliver.keep(warnings)
                    deliver.onItem?(item)
                }
            }
            deliver.onItem = nil
        }
        batch.reserveCapacity(Self.batchSize)
    }

    func add(_ draft: ItemDraft, number: Int) {
        batch.append((draft, number))
        if batch.count == Self.batchSize { flush() }
    }

    /// Delivers what is left, waits for the last call to `onItem`, and returns the items' first warnings and
    /// how many more there were.
    func finish() -> (warnings: [String], more: Int) {
        flush()
        queue.close()
        worker.wait()
        return (delivery.warnings, delivery.more)
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        _ = queue.put(batch)
        batch.removeAll(keepingCapacity: true)
    }
}

/// `onItem`, handed to the finisher's thread under the guarantee written at `ItemFinisher.init`; `warnings`
/// is written there and read after `Worker.wait()`, which orders the two.
private final class Delivery: @unchecked Sendable {
    var onItem: ((ParsedItem) -> Void)?
    private(set) var warnings: [String] = []
    private(set) var more = 0
    init(_ onItem: @escaping (ParsedItem) -> Void) { self.onItem = onItem }

    /// Keeps as many as a feed's warnings keep (`FeedXMLHandler.warn`), counting the rest.
    func keep(_ new: [String]) {
        for warning in new {
            if warnings.count < FeedXMLHandler.keptWarnings { warnings.append(warning) } else { more += 1 }
        }
    }
}
