import FeedModel
import Foundation
import TextSafety

/// One enclosure to download into a partial file (the caller renames it once complete).
public struct DownloadRequest: Sendable {
    public var url: String
    /// Appended to when the server honours `Range` from its current size, rewritten when it does not.
    public var partialPath: String
    public var maxBytes: Int64

    public init(url: String, partialPath: String, maxBytes: Int64) {
        self.url = url
        self.partialPath = partialPath
        self.maxBytes = maxBytes
    }
}

public struct DownloadResult: Sendable {
    /// Nil when the partial file now holds the whole body.
    public var failure: FetchFailure?
    /// Bytes in the partial file.
    public var bytes: Int64
    public var total: Int64?
    /// Bytes already there that the server let us skip (0 for a fresh start or a range ignored).
    public var resumedFrom: Int64
    /// A partial file was there but the server sent the whole body again (it ignored the range).
    public var restarted: Bool
    public var mediaType: String?
    /// The server answered the `Range` with a part from another byte: the bytes on disk cannot be continued.
    var rangeMisplaced = false
}

extension FeedFetcher {
    /// Downloads `request.url` into its partial file, resuming from the bytes already there with `Range`. The body
    /// never passes through memory; the cap and the announced length hold while it arrives; `progress` is called on
    /// the transfer thread with the bytes in the file and the total, when known. No retries (but one start over when
    /// the bytes there cannot be continued): the next run resumes. A file the disk could not flush is removed.
    public func download(_ request: DownloadRequest, progress: @escaping @Sendable (Int64, Int64?) -> Void) async -> DownloadResult {
        guard let url = Self.url(for: request.url), !url.isFileURL else {
            return DownloadResult(failure: FetchFailure(.badURL, message: "“\(URLText.printable(request.url))” is not an http(s) URL"),
                                  bytes: 0, resumedFrom: 0, restarted: false)
        }
        var result = await attempt(request, url: url, progress: progress)
        // 416: nothing left past our bytes. The file is whole when the server's total says so; else start over once,
        // as after a 206 that does not continue them.
        if result.failure?.httpStatus == 416 {
            if let total = result.total, total == result.bytes { result.failure = nil; return result }
        } else if !result.rangeMisplaced {
            return result
        }
        unlink(request.partialPath)
        return await attempt(request, url: url, progress: progress)
    }

    private func attempt(_ request: DownloadRequest, url: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async -> DownloadResult {
        let file = PartialFile(path: request.partialPath, maxBytes: request.maxBytes, words: settings.catalogue,
                               progress: progress)
        let loop: TransferLoop
        switch transferLoop() {
        case .success(let ready): loop = ready
        case .failure(let failure): return DownloadResult(failure: failure, bytes: file.existing, resumedFrom: 0, restarted: false)
        }
        let headers = file.existing > 0 ? ["Range: bytes=\(file.existing)-"] : []
        let (outcome, _) = await loop.run(TransferChain(url: url, headers: headers, sink: file, settings: settings))
        let closed = file.close()
        // Bytes the disk could not flush may be missing from the file: none of it is kept to resume from.
        if !closed { unlink(request.partialPath) }
        let status = outcome.head.status
        var result = DownloadResult(failure: nil, bytes: !closed ? 0 : file.began ? file.received : file.existing, total: file.total,
                                    resumedFrom: file.began && !file.restarted && status == 206 ? file.existing : 0,
                                    restarted: file.restarted, mediaType: ContentType(outcome.head.value("Content-Type")).mediaType,
                                    rangeMisplaced: file.misplaced)
        func failed(_ failure: FetchFailure) -> DownloadResult {
            result.failure = failure
            return result
        }
        if let abort = outcome.abort { return failed(abort) }
        if let error = outcome.error {
            if error.reason == .closedMidBody, let total = file.total {
                return failed(FetchFailure(.network, httpStatus: status,
                                           message: "the connection closed after \(MediaText.size(file.received)) of \(MediaText.size(total))"))
            }
            return failed(HTTPVerdict.failure(for: error, outcome: outcome, settings: settings))
        }
        switch status {
        case 416:
            result.total = ContentRange(outcome.head.value("Content-Range"))?.total
            return failed(FetchFailure(.http, httpStatus: 416, message: "HTTP 416 \(HTTPStatusText.reason(416))"))
        case 200..<300:
            if !file.began {
                // An empty body: the file is empty too.
                if let failure = file.begin(outcome.head) {
                    result.rangeMisplaced = file.misplaced
                    return failed(failure)
                }
                _ = file.close()
                result.bytes = 0
            }
            guard closed else { return failed(FetchFailure(.file, message: "cannot write \(request.partialPath)")) }
            if let total = file.total, file.received != total {
                return failed(FetchFailure(.network, httpStatus: status,
                                           message: "the connection closed after \(MediaText.size(file.received)) of \(MediaText.size(total))"))
            }
            return result
        case 0:
            return failed(FetchFailure(.network, message: "no response from the server"))
        default:
            return failed(FetchFailure(.http, httpStatus: status, message: "HTTP \(status) \(HTTPStatusText.reason(status))"))
        }
    }
}
