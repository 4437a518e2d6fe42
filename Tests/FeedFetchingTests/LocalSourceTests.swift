import Foundation
import Testing
import FeedFetching

@Suite("Files and embedded feeds")
struct LocalSourceTests {
    let feed = Fixture.data("quebec-numerique.xml")

    private func temporaryFile(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-fetch-\(UUID().uuidString).xml")
        try data.write(to: url)
        return url
    }

    @Test("file:// URLs and plain paths are read from disk")
    func readsFiles() async throws {
        let file = try temporaryFile(feed)
        defer { try? FileManager.default.removeItem(at: file) }
        let fetcher = FeedFetcher(settings: quickSettings())
        #expect(await fetcher.fetch(FetchRequest(url: file.absoluteString)).bodyData == feed)
        #expect(await fetcher.fetch(FetchRequest(url: file.path)).bodyData == feed)
    }

    @Test("An unchanged file is not read again; a rewritten one is")
    func unchangedFile() async throws {
        let file = try temporaryFile(feed)
        defer { try? FileManager.default.removeItem(at: file) }
        let fetcher = FeedFetcher(settings: quickSettings())
        let first = await fetcher.fetch(FetchRequest(url: file.absoluteString))
        let validators = try #require(first.validators)
        let second = await fetcher.fetch(FetchRequest(url: file.absoluteString, validators: validators))
        #expect(second.notModifiedReason == .sameFile)

        var changed = feed
        changed.append(contentsOf: Array("<!-- mis à jour -->\n".utf8))
        try changed.write(to: file)
        let third = await fetcher.fetch(FetchRequest(url: file.absoluteString, validators: validators))
        #expect(third.bodyData == changed)
    }

    @Test("A missing file is a failure naming the path")
    func missing() async throws {
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: "/nulle/part/flux.xml"))
        #expect(result.failure?.kind == .file)
        #expect(result.failure?.message == "no such file: /nulle/part/flux.xml")
    }

    @Test("A file over the cap is refused without reading it")
    func tooLarge() async throws {
        let file = try temporaryFile(Data(count: 4096))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = await FeedFetcher(settings: quickSettings(maxBodyBytes: 1024)).fetch(FetchRequest(url: file.path))
        #expect(result.failure?.kind == .tooLarge)
    }

    @Test("Embedded bytes are served for their URL, and unchanged bytes are skipped")
    func embedded() async throws {
        let fetcher = FeedFetcher(settings: quickSettings(), embedded: ["qnread:demo": feed])
        let first = await fetcher.fetch(FetchRequest(url: "qnread:demo"))
        #expect(first.bodyData == feed)
        let second = await fetcher.fetch(FetchRequest(url: "qnread:demo", validators: try #require(first.validators)))
        #expect(second.notModifiedReason == .sameBody)
    }
}
