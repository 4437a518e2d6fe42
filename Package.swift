// swift-tools-version:6.0
import PackageDescription

// Targets and the direction of their dependencies are fixed by DESIGN.md §1:
// FeedModel, FeedParsing, ArticleText and ScreenKit import nothing of the app. scripts/check-dependencies holds
// the rules a change could break unnoticed (the refresher never links the reader).
let package = Package(
    name: "qnread",
    products: [
        .executable(name: "qnread", targets: ["qnread"]),
        .executable(name: "qnread-tool", targets: ["qnread-tool"]),
        // For the fuzz targets in Fuzz/ (a package of their own, so no normal build links libFuzzer).
        .library(name: "FeedParsing", targets: ["FeedParsing"]),
        .library(name: "ArticleText", targets: ["ArticleText"]),
        .library(name: "ScreenKit", targets: ["ScreenKit"]),
        .library(name: "ReaderCore", targets: ["ReaderCore"]),
        .library(name: "ReaderConfig", targets: ["ReaderConfig"]),
        .library(name: "FeedStorage", targets: ["FeedStorage"]),
        .library(name: "FeedList", targets: ["FeedList"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // libcurl's multi interface, for FeedFetching only, opened by the first transfer (dlopen), not linked: the
        // reader's process and the commands that never fetch do not load it. Built against libcurl4-openssl-dev.
        .target(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CXXHash", path: "Sources/CXXHash", pkgConfig: "libxxhash",
                       providers: [.apt(["libxxhash-dev"])]),
        // Article HTML is stored zstd-compressed (FeedStorage's StoredHTML).
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

        // The one list of characters that never reach a terminal, the one HTML entity table, the one HTML to
        // plain text: a leaf every module that cleans text imports.
        .target(name: "TextSafety"),
        // The interface's words in each language: English in the code, po/LANG.po compiled in by the plugin below.
        .target(name: "Localization", plugins: ["CatalogueTables"]),
        .plugin(name: "CatalogueTables", capability: .buildTool()),
        .target(name: "FeedModel"),
        // qnread-tool's command line as tables: parsing, help, usage errors, shell completions and the man page's
        // description all read them. No reflection, so a command starts at the cost of reading an array (issue 16).
        .target(name: "ArgumentTables", dependencies: ["Localization"], exclude: ["README.md"]),
        .target(name: "FeedParsing", dependencies: ["CLibXML2", "TextSafety", "Localization"], exclude: ["README.md"]),
        .target(name: "ArticleText", dependencies: ["CLibXML2", "TextSafety"], exclude: ["README.md"]),
        .target(name: "ScreenKit", dependencies: ["TextSafety"]),
        // newsboat's filter language: text → a checked tree with columns, query feeds' URLs, the killfile as values.
        // Pure (no store, no files): the feeds list and config.toml check filters with it; FeedStorage runs them.
        .target(name: "FilterLanguage", dependencies: ["FeedParsing", "TextSafety", "Localization"], exclude: ["README.md"]),
        // The only target that imports GRDB (system SQLite through GRDB's GRDBSQLite module map).
        .target(name: "FeedStorage", dependencies: [
            "CZstd", "FeedModel", "FeedParsing", "FilterLanguage", "TextSafety", "Localization",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["README.md"]),
        .target(name: "ReaderCore", dependencies: ["FeedModel", "ArticleText", "ScreenKit", "TextSafety", "Localization"]),
        // Bytes from HTTP(S), files and embedded feeds: libcurl (one thread drives every transfer, limits enforced
        // while the bytes arrive), FeedModel for its value types, Debian's libxxhash for the body hash, and
        // Localization to word failures in the fetch's language.
        .target(name: "FeedFetching", dependencies: ["CCurl", "CXXHash", "FeedModel", "TextSafety", "Localization"]),
        // The feeds list: newsboat's `urls` format, its layers (remote, system, user), where they live, OPML and
        // `urls` imports, the built-in default list and the bundled demo feed. No TOML: the admin's config.toml is
        // read by ReaderConfig and handed in as a `SystemConfig` value.
        .target(name: "FeedList", dependencies: ["FeedModel", "FeedParsing", "FilterLanguage", "Localization"], exclude: ["README.md"]),
        // config.toml, themes and where the reader's files live; also the admin's config.toml, read into
        // FeedList's `SystemConfig`.
        .target(name: "ReaderConfig", dependencies: [
            "Localization",
            "FeedModel", "FeedList", "FilterLanguage", "ReaderCore", "ScreenKit", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),

        // The refresher (fetch → parse → store), `feeds check`, the remote system list and sync with a Tiny Tiny RSS
        // server: all the network.
        // It knows no keys, themes or screens: no path from here to ReaderCore, ScreenKit or ReaderConfig
        // (scripts/check-dependencies, run by `make test`, says so when one appears).
        .target(name: "FeedRefresh", dependencies: [
            "FeedModel", "FeedParsing", "FeedStorage", "FeedFetching", "FeedList", "FilterLanguage", "TextSafety", "Localization",
        ], exclude: ["README.md"]),
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "ScreenKit"]),
        // The reader's loop, its background reload (a `qnread-tool reload` child process) and the first-run demo
        // import. No FeedFetching here: the reader's process never loads libcurl and its libraries.
        .target(name: "ReaderRuntime", dependencies: [
            "FeedModel", "FeedParsing", "FeedStorage", "FeedList", "ScreenKit", "ReaderCore", "ReaderConfig", "TextSafety", "Localization",
        ]),

        // Two programs (DESIGN.md §1, departure noted there): `qnread` opens the reader and hands every other
        // command line to `qnread-tool`, which holds all the subcommands (their tables in ArgumentTables) and the network.
        .executableTarget(name: "qnread", dependencies: [
            "FeedStorage", "FeedList", "ReaderCore", "ReaderConfig", "NcursesBackend", "ReaderRuntime", "Localization",
        ]),
        .executableTarget(name: "qnread-tool", dependencies: [
            "FeedModel", "FeedParsing", "FeedStorage", "FeedList", "ArticleText", "ScreenKit", "ReaderCore",
            "ReaderConfig", "FeedFetching", "FeedRefresh", "ReaderRuntime", "TextSafety", "FilterLanguage", "Localization",
            "ArgumentTables",
        ]),

        .testTarget(name: "TextSafetyTests", dependencies: ["TextSafety", "CLibXML2"]),
        .testTarget(name: "FilterLanguageTests", dependencies: ["FilterLanguage", "Localization"]),
        .testTarget(name: "FeedParsingTests", dependencies: ["FeedParsing"],
                    exclude: ["Goldens"], resources: [.copy("Fixtures")]),  // goldens are read from the source tree
        // A real HTTP/1.1 server on 127.0.0.1 for tests (POSIX sockets); the reader's end-to-end tests reuse it. Also
        // issue 19's hostile servers: endless bodies, compression bombs and a self-signed TLS server (the last two
        // made with python3 and openssl).
        .target(name: "LocalHTTPServer", path: "Tests/LocalHTTPServer"),
        .testTarget(name: "FeedFetchingTests", dependencies: ["FeedFetching", "FeedModel", "FeedParsing", "TextSafety", "LocalHTTPServer"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "FeedListTests", dependencies: ["FeedList", "FeedParsing", "Localization"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "RefreshTests", dependencies: [
            "FeedRefresh", "ReaderRuntime", "FeedList", "ReaderCore", "FeedFetching", "FeedStorage", "FeedModel", "LocalHTTPServer",
        ]),
        // GRDB here only to write a database as an older qnread left it (OpeningTests).
        .testTarget(name: "FeedStorageTests", dependencies: ["FeedStorage", "FeedModel", "FeedParsing",
                                                             .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "FeedModel", "ScreenKit", "Localization"]),
        // The catalogue: po/fr.po complete against the code (gettext's xgettext, msgcmp, msgfmt), plurals, numbers.
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "ArgumentTablesTests", dependencies: ["ArgumentTables", "Localization"]),
        .testTarget(name: "ReaderConfigTests", dependencies: ["ReaderConfig", "FeedList", "FilterLanguage", "ReaderCore", "ScreenKit", "Localization"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ReaderRuntimeTests", dependencies: [
            "ReaderRuntime", "ReaderCore", "ScreenKit", "FeedModel", "FeedStorage", "FeedParsing", "Localization",
        ]),
        // Starts the real binary inside tmux and reads the screen back; needs `tmux` and the built `qnread`.
        .testTarget(name: "ReaderEndToEndTests", dependencies: ["qnread", "qnread-tool", "FeedStorage", "FeedParsing", "FeedModel", "LocalHTTPServer"]),
        .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText", "TextSafety"]),
        .testTarget(name: "ScreenKitTextTests", dependencies: ["ScreenKit"]),
        .testTarget(name: "ArticleLayoutTests", dependencies: ["ReaderCore", "ArticleText", "ScreenKit", "FeedModel"],
                    resources: [.copy("Fixtures")]),
        // Runs the real binary; it needs the `qnread` product built beside the test bundle. The sync tests (Sync/)
        // also talk to a real Tiny Tiny RSS that scripts/ttrss-server starts on 127.0.0.1.
        .testTarget(name: "qnreadTests", dependencies: ["qnread", "qnread-tool", "ReaderRuntime", "ReaderCore", "FeedStorage", "FeedParsing", "FeedModel", "FeedRefresh", "FeedFetching", "FeedList", "LocalHTTPServer"],
                    resources: [.copy("Fixtures")]),
    ]
)
