import Foundation
import Testing
import FeedFetching
import Localization
import LocalHTTPServer

// Podcast downloads through the libcurl transport, into a partial file, against a real server on 127.0.0.1:
// Range honoured and ignored, errors, bodies longer than announced, caps and slow servers.
@Suite("Downloads into a partial file")
struct DownloadTests {
    /// 300 KB of bytes that differ from one position to the next, so a misplaced resume shows.
    static let episode = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 251) })
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var partial: String { directory.appendingPathComponent("episode.mp3.part").path }

    func download(_ server: LocalHTTPServer, path: String = "/ep1.mp3", maxBytes: Int64 = 10_000_000,
                  settings: FetchSettings = quickSettings()) async -> DownloadResult {
        await FeedFetcher(settings: settings).download(
            DownloadRequest(url: server.url(path).absoluteString, partialPath: partial, maxBytes: maxBytes)) { _, _ in }
    }

    func onDisk() -> Data? { FileManager.default.contents(atPath: partial) }

    @Test("A whole download lands in the partial file, byte for byte")
    func whole() async throws {
        let server = try LocalHTTPServer { RangeReply.file(Self.episode, for: $0) }
        let result = await download(server)
        #expect(result.failure == nil)
        #expect(result.bytes == 300_000 && result.total == 300_000 && result.mediaType == "audio/mpeg")
        #expect(onDisk() == Self.episode)
        #expect(server.requests.first?.header("Range") == nil)
    }

    @Test("A partial file resumes with Range where the server honours it")
    func resumes() async throws {
        try Self.episode.prefix(100_000).write(to: URL(fileURLWithPath: partial))
        let server = try LocalHTTPServer { RangeReply.file(Self.episode, for: $0) }
        let result = await download(server)
        #expect(result.failure == nil)
        #expect(server.requests.map { $0.header("Range") } == ["bytes=100000-"])
        #expect(result.resumedFrom == 100_000 && !result.restarted)
        #expect(server.bodyBytesSent(path: "/ep1.mp3") == 200_000)
        #expect(onDisk() == Self.episode)
    }

    @Test("A server that ignores Range sends it all again, and the file starts over")
    func rangeIgnored() async throws {
        try Data(repeating: 0xEE, count: 100_000).write(to: URL(fileURLWithPath: partial))
        let server = try LocalHTTPServer { RangeReply.file(Self.episode, for: $0, honoursRange: false) }
        let result = await download(server)
        #expect(result.failure == nil)
        #expect(result.restarted && result.resumedFrom == 0)
        #expect(onDisk() == Self.episode)
    }

    @Test("A 206 that does not continue the partial file is refused, and the download starts over without Range",
          arguments: [0, 50_000, nil])
    func misplacedPart(partStart: Int?) async throws {
        try Self.episode.prefix(100_000).write(to: URL(fileURLWithPath: partial))
        let server = try LocalHTTPServer { request in
            guard let asked = RangeReply.start(of: request) else { return RangeReply.file(Self.episode, for: request) }
            // A part from another byte than asked, or (nil) the part asked for without a Content-Range to say so.
            let range = partStart.map { [("Content-Range", "bytes \($0)-299999/300000")] } ?? []
            return HTTPReply(status: 206, headers: range, body: .bytes(Self.episode.suffix(from: partStart ?? asked)))
        }
        let result = await download(server)
        #expect(result.failure == nil)
        #expect(server.requests.map { $0.header("Range") } == ["bytes=100000-", nil])
        #expect(result.bytes == 300_000 && result.resumedFrom == 0)
        #expect(onDisk() == Self.episode)
    }

    @Test("A server that always sends a part from the wrong byte fails, saying where it started, and leaves no file")
    func misplacedPartAgain() async throws {
        try Self.episode.prefix(100_000).write(to: URL(fileURLWithPath: partial))
        let server = try LocalHTTPServer { _ in
            HTTPReply(status: 206, headers: [("Content-Range", "bytes 50000-299999/300000")],
                      body: .bytes(Self.episode.suffix(from: 50_000)))
        }
        let result = await download(server)
        #expect(result.failure?.message == "HTTP 206 from byte 50000, asked from byte 0")
        #expect(server.requests.map { $0.header("Range") } == ["bytes=100000-", nil])
        #expect(onDisk() == nil)

        var french = quickSettings()
        french.catalogue = Catalogue(.fr)
        let worded = await download(server, settings: french)
        #expect(worded.failure?.message == "HTTP 206 à partir de l’octet 50000, demandé à partir de l’octet 0")
    }

    @Test("A file already whole gets a 416 and is taken as done")
    func alreadyWhole() async throws {
        try Self.episode.write(to: URL(fileURLWithPath: partial))
        let server = try LocalHTTPServer { RangeReply.file(Self.episode, for: $0) }
        let result = await download(server)
        #expect(result.failure == nil)
        #expect(result.bytes == 300_000)
        #expect(onDisk() == Self.episode)
    }

    @Test("A 404 fails with its status and writes no file")
    func notFound() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(status: 404, text: "<html>introuvable</html>") }
        let result = await download(server)
        #expect(result.failure?.message == "HTTP 404 Not Found")
        #expect(result.failure?.httpStatus == 404)
        #expect(onDisk() == nil)
    }

    @Test("A body longer than its Content-Length is cut at the length")
    func longerThanContentLength() async throws {
        let server = try LocalHTTPServer { _ in HostileReply.longerThanLength(Self.episode) }
        let result = await download(server)
        #expect(result.failure == nil)
        #expect(onDisk() == Self.episode)
    }

    @Test("A resumed body longer than its Content-Range says is refused")
    func longerThanContentRange() async throws {
        try Self.episode.prefix(100_000).write(to: URL(fileURLWithPath: partial))
        let server = try LocalHTTPServer { _ in
            var reply = HTTPReply(status: 206, headers: [("Content-Range", "bytes 100000-299999/300000")],
                                  body: .bytes(Self.episode.suffix(from: 100_000) + Data(count: 50_000)))
            reply.chunked = true
            return reply
        }
        let result = await download(server)
        #expect(result.failure?.message == "the server sent more than the 300.0 kB it announced")
    }

    @Test("A body over the cap is refused from its Content-Length, or stopped at the cap without one")
    func overCap() async throws {
        let announced = try LocalHTTPServer { RangeReply.file(Self.episode, for: $0) }
        let refused = await download(announced, maxBytes: 100_000)
        #expect(refused.failure?.kind == .tooLarge)
        #expect(refused.failure?.message == "the server announces 300.0 kB, over the 100.0 kB cap")

        let unannounced = try LocalHTTPServer { _ in
            var reply = HTTPReply(body: .bytes(Self.episode))
            reply.chunked = true
            return reply
        }
        let stopped = await download(unannounced, maxBytes: 100_000)
        #expect(stopped.failure?.message == "stopped at the 100.0 kB cap (the server sent more)")
        #expect((onDisk()?.count ?? 0) <= 100_000)
    }

    @Test("A server slower than the low-speed limit is left, what came kept for a resume")
    func slowServer() async throws {
        let server = try LocalHTTPServer { _ in
            HTTPReply(headers: [("Content-Length", "300000")],
                      body: .sequence([.bytes(Self.episode.prefix(20_000)), .trickle(chunk: Data([1]), count: 60, interval: 0.5)]))
        }
        var settings = quickSettings()
        settings.lowSpeedBytesPerSecond = 1000
        settings.lowSpeedSeconds = 1
        let result = await download(server, settings: settings)
        #expect(result.failure?.kind == .tooSlow)
        #expect(result.bytes >= 20_000)
        #expect(onDisk()?.prefix(20_000) == Self.episode.prefix(20_000))
    }

    @Test("A connection closed mid-body says how far it got, and the next attempt resumes from there")
    func closedThenResumed() async throws {
        let broken = try LocalHTTPServer { _ in
            HTTPReply(headers: [("Content-Length", "300000")], body: .bytes(Self.episode.prefix(120_000)))
        }
        let first = await download(broken)
        #expect(first.failure?.message == "the connection closed after 120.0 kB of 300.0 kB")
        #expect(onDisk() == Self.episode.prefix(120_000))

        let good = try LocalHTTPServer { RangeReply.file(Self.episode, for: $0) }
        let second = await download(good)
        #expect(second.failure == nil && second.resumedFrom == 120_000)
        #expect(onDisk() == Self.episode)
    }
}
