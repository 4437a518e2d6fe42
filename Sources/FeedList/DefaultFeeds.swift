/// The list a first run starts from when there is no feeds list anywhere: Québec tech community feeds and the
/// French demo feed bundled in the binary, so there is something to read with no network at all.
public enum DefaultFeeds {
    public static let entries: [FeedListEntry] = [
        FeedListEntry(url: DemoFeed.url, tags: ["démo"], title: DemoFeed.title),
        FeedListEntry(url: "https://quebecnumerique.com/feed/", tags: ["Québec", "communauté"], title: "Québec numérique"),
        FeedListEntry(url: "https://webaquebec.org/feed/", tags: ["Québec", "événements"], title: "Web à Québec"),
        FeedListEntry(url: "https://quebec.io/feed/", tags: ["Québec", "communauté"], title: "Québec.IO"),
        FeedListEntry(url: "https://lecamp.ca/feed/", tags: ["Québec", "startups"], title: "Le Camp"),
        FeedListEntry(url: "https://facil.qc.ca/rss.xml", tags: ["Québec", "logiciel libre"], title: "FACIL"),
        FeedListEntry(url: "https://www.linuq.org/feed/", tags: ["Québec", "logiciel libre"], title: "LinuQ"),
    ]

    /// The default list as the text of a feeds file, with a header saying where it came from.
    public static var fileText: String {
        var file = FeedListFile(name: "feeds", text: """
            # Flux de qnread — une ligne par flux : URL, étiquettes, "~Titre personnalisé".
            # Format des fichiers « urls » de newsboat ; « !URL » masque un flux de la liste du système.


            """)
        for entry in entries { file.add(entry) }
        return file.text
    }
}
