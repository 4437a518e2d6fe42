import Foundation
import LocalHTTPServer
import Testing

// Issue 19, measured where it hurt: a real `qnread-tool reload` (the cron job, and the reader's background reload)
// against each hostile server, with the default 32 MiB cap. Before libcurl did the fetching, an endless body took
// 12 GB and a 2 MB gzip bomb 2.3 GB; now a reload holds at most the cap per transfer beside what the program itself
// needs. The low-speed window is cut to 3 s to keep the suite fast (at 1 s, a server starved by a
// busy machine was taken for a slow one).
@Suite("Hostile servers against a real reload")
struct HostileReloadTests {
    static let cap = 32 << 20
    /// The program itself: a reload with nothing to fetch peaks near 40 MiB in a debug build (measured December
    /// 2026: 40–42 MiB against the servers that fail before any body, 71 MiB against those cut at the cap).
    static let program = 64 << 20
    static let feed = Data(frenchFeed(title: "Flux normal", items: 0..<3).utf8)

    static func line(_ kind: HostileServer.Kind, url: URL) -> String {
        let reason = switch kind {
        case .endlessChunked, .gzipBomb, .deflateBomb: "stopped at 32 MiB (the server sent more)"
        case .longerThanLength: "3 new"
        case .drip: "slower than 1 KB/s for 3 s"
        case .silent: "no answer in 3 s"
        case .headerFlood: "headers stopped at 64 KiB (the server sent more)"
        case .closesMidBody: "the connection closed after 100 KiB of 1 MiB"
        case .redirectLoop: "redirect loop: \(url.absoluteString) was already visited"
        case .selfSignedTLS: "TLS certificate not trusted (self-signed certificate): refused"
        }
        return (kind == .longerThanLength ? "ok      " : "FAILED  ") + "\(url.absoluteString)  \(reason)"
    }

    private func reload(_ urls: [URL], home: ReaderHome, jobs: Int? = nil) async throws -> MeasuredRun {
        try home.write(urls.map(\.absoluteString).joined(separator: "\n") + "\n", to: home.userFeeds)
        return try await MeasuredProcess.run(["--db", home.root.appendingPathComponent("qnread.sqlite").path, "reload",
                                        "--low-speed-time", "3"] + (jobs.map { ["--jobs", "\($0)"] } ?? []),
                                       environment: home.environment)
    }

    @Test("Each hostile server fails its feed with a line naming the limit, and the reload's memory stays bounded",
          arguments: HostileServer.Kind.allCases)
    func alone(_ kind: HostileServer.Kind) async throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try HostileServer(kind, feed: Self.feed)
        defer { server.stop() }
        let run = try await reload([server.url], home: home)
        #expect(run.stdout.contains(Self.line(kind, url: server.url) + "\n"), "\(run.stdout)\(run.stderr)")
        #expect(run.peakMemory < Self.cap + Self.program, "\(kind): \(run.peakMemory >> 20) MiB")
        print("peak memory, reload against \(kind): \(run.peakMemory >> 20) MiB")
    }

    @Test("A normal feed in the same reload is stored beside all of them; memory stays under the cap per transfer")
    func together() async throws {
        let home = ReaderHome()
        defer { home.remove() }
        let normal = try LocalHTTPServer { _ in HTTPReply(body: .bytes(Self.feed)) }
        let servers = try HostileServer.Kind.allCases.map { try HostileServer($0, feed: Self.feed) }
        defer { servers.forEach { $0.stop() } }
        // 8 transfers at once: the memory bound below is per transfer.
        let run = try await reload(servers.map(\.url) + [normal.url("/normal.xml")], home: home, jobs: 8)
        #expect(run.stdout.contains("ok      \(normal.url("/normal.xml"))  3 new\n"), "\(run.stdout)\(run.stderr)")
        for server in servers {
            #expect(run.stdout.contains(Self.line(server.kind, url: server.url) + "\n"), "\(server.kind) in:\n\(run.stdout)")
        }
        #expect(run.stdout.hasSuffix("6 new articles, 9 failed\n"))
        #expect(run.peakMemory < 8 * Self.cap + Self.program, "\(run.peakMemory >> 20) MiB")
        print("peak memory, one reload against all of them: \(run.peakMemory >> 20) MiB")
    }
}
