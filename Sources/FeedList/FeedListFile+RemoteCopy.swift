import FeedParsing

extension FeedListFile {
    /// The admin's remote list (`feeds_url`) as its cached copy, named `name` (the cache's path). Only web feeds: a
    /// list fetched from the network must not point readers at files on their machine.
    public init(remoteCopyOf document: OPMLDocument, from url: String, name: String) {
        self.init(name: name, text: "# Copie de \(url) (feeds_url de la configuration système)\n")
        for entry in FeedListImport(document, name: url).entries where Self.isWebURL(entry.url) {
            add(entry)
        }
    }

    private static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
