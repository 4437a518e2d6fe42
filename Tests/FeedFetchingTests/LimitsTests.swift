import Foundation
import Testing
import FeedFetching
import LocalHTTPServer

@Suite("Body-size cap and concurrency limits")
struct LimitsTests {
    static let hundredMiB = 100 * 1024 * 1024
    static let chunk = Data(repeating: UInt8(ascii: "a"), count: 64 * 1024)

    // The server streams the body from one 64 KiB chunk: nothing here ever holds 100 MiB. It paces the chunks
    // like a network (about 13 MB/s): on raw loopback the whole body is in the socket buffers before the
    // client has looked at the first 32 MiB, and nothing could be seen to stop early. The margin (about 5 s between
    // the cap and the end of the body) keeps a loaded 2-core CI machine from sending it all before the cut.
    static let paced = HTTPReply.Body.trickle(chunk: chunk, count: hundredMiB / chunk.count, interval: 0.005)

    @Test("A 100 MiB body without Content-Length is cut at the 32 MiB cap")
    func hugeStreamedBody() async throws {
        let server = try LocalHTTPServer { _ in
            var reply = HTTPReply(body: Self.paced)
            reply.sendsLength = false
            return reply
        }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/enorme.xml").absoluteString))
        let failure = try #require(result.failure)
        #expect(failure.kind == .tooLarge)
        #expect(failure.message.contains("32 MiB"))
        // The transfer stopped early: the server could not write the rest.
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(server.bodyBytesSent(path: "/enorme.xml") < Self.hundredMiB)
    }

    @Test("A 100 MiB Content-Length is refused before the body is read")
    func hugeAnnouncedBody() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(body: Self.paced) }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/enorme.xml").absoluteString))
        #expect(result.failure?.kind == .tooLarge)
        #expect(result.failure?.message.contains("announces 100 MiB") == true)
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(server.bodyBytesSent(path: "/enorme.xml") < Self.hundredMiB)
    }

    @Test("A body exactly at the cap is accepted")
    func atTheCap() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(body: .repeated(chunk: Self.chunk, total: 256 * 1024)) }
        let result = await FeedFetcher(settings: quickSettings(maxBodyBytes: 256 * 1024))
            .fetch(FetchRequest(url: server.url("/juste.xml").absoluteString))
        #expect(result.bodyData?.count == 256 * 1024)
    }

    @Test("At most 2 fetches run at once against one host")
    func perHost() async throws {
        let counter = InFlightCounter()
        let server = try LocalHTTPServer { _ in counter.during { usleep(300_000); return HTTPReply(text: "<rss/>") } }
        let fetcher = FeedFetcher(settings: quickSettings())
        let results = await fetchAll(fetcher, (0..<8).map { server.url("/feed\($0).xml").absoluteString })
        #expect(results.allSatisfy { $0.bodyData != nil })
        #expect(counter.peak == 2)
    }

    @Test("A fetch waiting for a slot of its host is not timed out by the wait")
    func waitingIsNotTimed() async throws {
        let server = try LocalHTTPServer { _ in usleep(600_000); return HTTPReply(text: "<rss/>") }
        // Eight feeds at 2 at once: the last two start after 1.8 s, out of time already if the wait counted.
        let fetcher = FeedFetcher(settings: quickSettings(totalTimeout: 1.5))
        let results = await fetchAll(fetcher, (0..<8).map { server.url("/feed\($0).xml").absoluteString })
        #expect(results.allSatisfy { $0.bodyData != nil }, "\(results.compactMap(\.failure).map(\.message))")
        #expect(server.maxInFlight == 2)
    }

    // 127.0.0.2 is a second loopback host name, so the per-host limit applies to each server separately.
    @Test("The overall limit holds across hosts")
    func overall() async throws {
        let counter = InFlightCounter()
        let first = try LocalHTTPServer(host: "127.0.0.1") { _ in counter.during { usleep(150_000); return HTTPReply(text: "<rss/>") } }
        let second = try LocalHTTPServer(host: "127.0.0.2") { _ in counter.during { usleep(150_000); return HTTPReply(text: "<rss/>") } }
        var settings = quickSettings()
        settings.maxConcurrent = 3
        let urls = (0..<6).flatMap { [first.url("/a\($0).xml").absoluteString, second.url("/b\($0).xml").absoluteString] }
        let results = await fetchAll(FeedFetcher(settings: settings), urls)
        #expect(results.allSatisfy { $0.bodyData != nil })
        #expect(counter.peak <= 3)
        #expect(counter.peak >= 2)
        #expect(first.maxInFlight <= 2)
        #expect(second.maxInFlight <= 2)
    }

    private func fetchAll(_ fetcher: FeedFetcher, _ urls: [String]) async -> [FetchResult] {
        await withTaskGroup(of: FetchResult.self) { group in
            for url in urls { group.addTask { await fetcher.fetch(FetchRequest(url: url)) } }
            var results: [FetchResult] = []
            for await result in group { results.append(result) }
            return results
        }
    }
}
