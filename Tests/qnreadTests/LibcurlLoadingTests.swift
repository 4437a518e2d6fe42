import Foundation
import LocalHTTPServer
import Testing

// libcurl and the thirty-odd libraries it needs are opened by the first HTTP(S) transfer, not at every start:
// linked, they were most of the dynamic loader's work for every command (issue 16, start-up).
@Suite("libcurl is opened by the first HTTP transfer only")
struct LibcurlLoadingTests {
    /// The shared objects the dynamic loader opened during the run, as glibc's LD_DEBUG=files tells on stderr.
    private func loaded(_ result: CommandResult) -> Set<String> {
        Set(result.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "file=") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != " " && $0 != "[" })
        })
    }

    @Test("--version, show --file and a reload of a file:// feed never open libcurl; an http reload does")
    func openedOnlyToFetch() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let feedFile = home.root.appendingPathComponent("flux.xml")
        try home.write(frenchFeed(title: "Flux local", items: 0..<2), to: feedFile)
        try home.write("<p>Bonjour, « Québec »</p>", to: home.root.appendingPathComponent("article.html"))
        try home.write("\(feedFile.absoluteString)\n", to: home.userFeeds)
        let trace = ["LD_DEBUG": "files"]

        for arguments in [["--version"], ["show", "--file", home.root.appendingPathComponent("article.html").path],
                          ["reload"]] {
            let result = try home.run(arguments, extra: trace)
            #expect(result.status == 0, "\(arguments): \(result.stderr.suffix(500))")
            #expect(loaded(result).contains("libxml2.so.2"), "the probe sees linked libraries")
            #expect(!loaded(result).contains("libcurl.so.4"), "\(arguments)")
        }

        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux A", items: 0..<3)))
        try home.write("\(server.url("/a.xml"))\n", to: home.userFeeds)
        let fetching = try home.run(["reload"], extra: trace)
        #expect(fetching.status == 0, "\(fetching.stderr.suffix(500))")
        #expect(fetching.stdout.contains("ok      \(server.url("/a.xml"))  3 new"))
        #expect(loaded(fetching).contains("libcurl.so.4"))
    }
}
