import FeedParsing
import Foundation
import Testing
import FeedList

@Suite("Importing another reader's list")
struct FeedListImportTests {
    // Shaped like a Feedly export: folders for tags, an OPML 2.0 category, a folder whose name starts with "~".
    static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Abonnements de Léa</title></head><body>
          <outline text="Québec">
            <outline text="Québec numérique" type="rss" xmlUrl="https://quebecnumerique.com/feed/"/>
          </outline>
          <outline text="~Favoris">
            <outline text="Le Camp" type="rss" xmlUrl="https://lecamp.ca/feed/" category="/startups"/>
          </outline>
          <outline text="Commande" type="rss" xmlUrl="exec:~/bin/flux.sh"/>
          <outline text="Local" type="rss" xmlUrl="file:///home/lea/flux.xml"/>
        </body></opml>
        """

    @Test("OPML folders and categories become tags, and a tag never turns into a title")
    func opmlTags() throws {
        let imported = try FeedListImport(Data(Self.opml.utf8), name: "abonnements.opml")
        #expect(imported.entries == [
            FeedListEntry(url: "https://quebecnumerique.com/feed/", tags: ["Québec"], title: "Québec numérique"),
            FeedListEntry(url: "https://lecamp.ca/feed/", tags: ["Favoris", "startups"], title: "Le Camp"),
            FeedListEntry(url: "file:///home/lea/flux.xml", title: "Local"),
        ])
    }

    @Test("A feed the feeds list cannot name is left out and reported with the file's name")
    func opmlProblems() throws {
        let imported = try FeedListImport(Data(Self.opml.utf8), name: "abonnements.opml")
        #expect(imported.problems.map(\.description) == [
            "abonnements.opml: “exec:” feeds run commands, which qnread never does; skipped",
        ])
    }

    @Test("A newsboat urls file is told from OPML by its content, and brings its bad lines")
    func urlsFile() throws {
        let imported = try FeedListImport(Data("# newsboat\nhttps://a.example/feed tech \"~Mon A\"\nhtp://oups\n".utf8),
                                          name: "urls")
        #expect(imported.entries == [FeedListEntry(url: "https://a.example/feed", tags: ["tech"], title: "Mon A")])
        #expect(imported.problems.map(\.description) == [
            "urls:3: “htp://oups” is not a URL (qnread reads http, https and file URLs)",
        ])
    }

    @Test("A file named .opml that is no OPML is refused, not read as a urls file")
    func notOPML() {
        #expect(throws: OPMLError("liste.opml: not an OPML file (it is an HTML page)")) {
            try FeedListImport(Data("<html><body>Oups</body></html>".utf8), name: "liste.opml")
        }
    }

    // The admin's list comes from the network: a file:// feed in it would read a file on each reader's machine.
    @Test("The remote list's cached copy keeps web feeds only, under a line naming where it came from")
    func remoteCopy() throws {
        let document = try OPMLDocument(parsing: Data(Self.opml.utf8), source: "https://intranet.example/feeds.opml")
        let copy = FeedListFile(remoteCopyOf: document, from: "https://intranet.example/feeds.opml", name: "system-feeds")
        #expect(copy.text == """
            # Copie de https://intranet.example/feeds.opml (feeds_url de la configuration système)
            https://quebecnumerique.com/feed/ Québec "~Québec numérique"
            https://lecamp.ca/feed/ Favoris startups "~Le Camp"

            """)
    }
}
