import Foundation

/// The bundled French demo feed: an RSS 2.0 document compiled into the binary, read from memory by the reload
/// path (never from the network), so a first run has articles to show offline.
public enum DemoFeed {
    /// The URL the feeds list and the store know it by. Not a network address: the fetcher is given the bytes.
    public static let url = "qnread:demo"
    public static let title = "Démo qnread"

    /// The feed's bytes, UTF-8.
    public static var data: Data { Data(xml.utf8) }

    /// Every feed compiled into the binary, by URL: what the fetcher serves without I/O.
    public static var embedded: [String: Data] { [url: data] }
}
