import Foundation

/// Where a download's body goes as it arrives, instead of memory. Called on the transfer loop's thread only; a
/// failure handed back stops the transfer and becomes its outcome.
protocol BodySink: AnyObject, Sendable {
    /// Once, before the first byte of a 2xx body.
    func begin(_ head: ResponseHead) -> FetchFailure?
    func write(_ bytes: UnsafeRawBufferPointer) -> FetchFailure?
}
