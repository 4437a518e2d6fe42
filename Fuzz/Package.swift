// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over qnread's parsers (see README.md). A package of its own, built only by `make fuzz`
// (scripts/fuzz) with libFuzzer and AddressSanitizer into .build-fuzz: libFuzzer supplies `main`, so these
// executables link nowhere else, and the root package's `swift build` and `swift test` never see them.
let package = Package(
    name: "qnread-fuzz",
    dependencies: [.package(name: "qnread", path: "..")],
    targets: [
        fuzzTarget("fuzz-feed", ["FeedParsing"]),
        fuzzTarget("fuzz-article", ["ArticleText", "ReaderCore", "ScreenKit"]),
        fuzzTarget("fuzz-feedlist", ["FeedList"]),
        fuzzTarget("fuzz-opml", ["FeedParsing"]),
        fuzzTarget("fuzz-config", ["ReaderConfig"]),
        fuzzTarget("fuzz-search", ["FeedStorage", "FeedParsing"]),
    ]
)

/// One file defining `LLVMFuzzerTestOneInput`, and no `main` of its own (-parse-as-library).
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name, dependencies: products.map { .product(name: $0, package: "qnread") },
                      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}
