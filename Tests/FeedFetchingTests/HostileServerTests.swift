import Foundation
import Testing
import FeedFetching
import LocalHTTPServer

// Issue 19: servers that send without end, inflate to GiB, drip, never answer, flood headers, or lie. Each one is
// stopped by a limit while the bytes arrive, with a line that names the limit. The limits are small here (1 MiB
// body, 3 s at low speed: at 1 s, a server starved by a busy 2-core machine was taken for a slow one); the memory
// each costs is measured in qnreadTests (HostileReloadTests), from a real reload's peak RSS, where no other test
// shares the process.
@Suite("Hostile servers")
struct HostileServerTests {
    static var settings: FetchSettings {
        var settings = quickSettings(totalTimeout: 30, maxBodyBytes: 1 << 20)
        settings.lowSpeedSeconds = 3
        return settings
    }

    /// What the fetch must come to for each kind of server.
    static func expected(_ kind: HostileServer.Kind, url: URL) -> (FetchFailure.Kind, String)? {
        switch kind {
        case .endlessChunked, .gzipBomb, .deflateBomb: (.tooLarge, "stopped at 1 MiB (the server sent more)")
        case .longerThanLength: nil
        case .drip: (.tooSlow, "slower than 1 KB/s for 3 s")
        case .silent: (.tooSlow, "no answer in 3 s")
        case .headerFlood: (.tooLarge, "headers stopped at 64 KiB (the server sent more)")
        case .closesMidBody: (.network, "the connection closed after 100 KiB of 1 MiB")
        case .redirectLoop: (.redirectLoop, "redirect loop: \(url.absoluteString) was already visited")
        case .selfSignedTLS: (.network, "TLS certificate not trusted (self-signed certificate): refused")
        }
    }

    static let feed = Fixture.data("quebec-numerique.xml")

    @Test("Each hostile server is stopped by its limit, with a line naming it", arguments: HostileServer.Kind.allCases)
    func alone(_ kind: HostileServer.Kind) async throws {
        let server = try HostileServer(kind, feed: Self.feed)
        defer { server.stop() }
        let result = await FeedFetcher(settings: Self.settings).fetch(FetchRequest(url: server.url.absoluteString))
        try check(result, kind: kind, server: server)
        // A ceiling that catches a hang, not a speed check: every server here would go on for minutes.
        #expect(result.duration < 60)
        #expect(result.attempts == 1)
    }

    @Test("A normal feed fetched beside all of them arrives whole")
    func together() async throws {
        let normal = try LocalHTTPServer { _ in HTTPReply(body: .bytes(Self.feed)) }
        let servers = try HostileServer.Kind.allCases.map { try HostileServer($0, feed: Self.feed) }
        defer { servers.forEach { $0.stop() } }
        let fetcher = FeedFetcher(settings: Self.settings)
        let urls = [normal.url("/normal.xml")] + servers.map(\.url)
        let results = await withTaskGroup(of: FetchResult.self) { group in
            for url in urls { group.addTask { await fetcher.fetch(FetchRequest(url: url.absoluteString)) } }
            return await group.reduce(into: [String: FetchResult]()) { $0[$1.request.url] = $1 }
        }
        let arrived = try #require(results[normal.url("/normal.xml").absoluteString])
        #expect(arrived.bodyData == Self.feed)
        #expect(arrived.duration < 60)
        for server in servers {
            try check(try #require(results[server.url.absoluteString]), kind: server.kind, server: server)
        }
    }

    private func check(_ result: FetchResult, kind: HostileServer.Kind, server: HostileServer) throws {
        guard let (failureKind, message) = Self.expected(kind, url: server.url) else {
            // More bytes than Content-Length: the fetcher takes what was announced and leaves the rest unread.
            #expect(result.bodyData == Self.feed, "\(kind)")
            return
        }
        let failure = try #require(result.failure, "\(kind)")
        #expect(failure.kind == failureKind, "\(kind)")
        #expect(failure.message == message, "\(kind)")
        // The endless servers were cut off: they could not write their 2 GiB.
        #expect(server.bodyBytesSent < HostileReply.gibibyte, "\(kind)")
    }
}
