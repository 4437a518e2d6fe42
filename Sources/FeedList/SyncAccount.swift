/// config.toml's `[sync]` table: the server aggregator whose subscriptions are the feeds list's server layer, and
/// where read and starred marks go. A plain value: ReaderConfig reads the TOML, FeedRefresh talks to the server.
///
/// The password never shows: `description`, `debugDescription` and the mirror print `***` in its place, so an
/// account can be logged or dumped safely.
public struct SyncAccount: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Service: String, Hashable, Sendable, CaseIterable {
        /// Tiny Tiny RSS; its API is the account's URL + `api/`.
        case ttrss
    }

    public enum PasswordSource: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// `password_command = ["pass", "show", "ttrss"]`: run with no shell; its first line of output.
        case command([String])
        /// `password = "…"`, written in config.toml.
        case inline(String)

        public var description: String {
            switch self {
            case .command(let argv): "password_command \(argv)"
            case .inline: "password ***"
            }
        }

        public var debugDescription: String { description }
        public var customMirror: Mirror { Mirror(self, children: ["source": description]) }
    }

    public var service: Service
    /// The server's address, always ending with `/` (`https://rss.example.org/tt-rss/`).
    public var url: String
    public var user: String
    public var password: PasswordSource

    public init(service: Service = .ttrss, url: String, user: String, password: PasswordSource) {
        self.service = service
        self.url = url.hasSuffix("/") ? url : url + "/"
        self.user = user
        self.password = password
    }

    /// Where API requests go.
    public var apiURL: String { url + "api/" }

    public var description: String { "\(service.rawValue) \(user) at \(url) (\(password))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["service": service, "url": url, "user": user, "password": password.description])
    }
}
