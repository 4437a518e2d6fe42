extension FeedListFile {
    /// The sync server's subscriptions as their cached copy, named `name` (the cache's path): one line per feed,
    /// its category as a tag and the server's title as the custom title.
    public init(serverCopyOf entries: [FeedListEntry], from server: String, name: String) {
        self.init(name: name, text: "# Abonnements du serveur \(server) ([sync] de config.toml), copiés à chaque synchronisation\n")
        for entry in entries { add(entry) }
    }
}
