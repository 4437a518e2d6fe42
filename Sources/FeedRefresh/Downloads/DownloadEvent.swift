import FeedModel

/// What the downloader reports as it goes, for `qnread download` to print (a progress bar, plain lines, or the
/// reader child's `download` lines).
public enum DownloadEvent: Sendable {
    case started(EnclosureItem, partialPath: String)
    case progress(EnclosureItem.ID, received: Int64, total: Int64?)
    /// `resumedFrom` bytes were already there and the server let them be skipped; `restarted`: a partial file was
    /// there, but the server ignored the range and sent it all again.
    case finished(EnclosureItem, path: String, bytes: Int64, resumedFrom: Int64, restarted: Bool)
    case failed(EnclosureItem, reason: String)
}
