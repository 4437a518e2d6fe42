import Foundation
import Testing

@Suite("qnread feeds import and export")
struct FeedsImportExportTests {
    // Shaped like a Feedly/Inoreader export: folders for tags, a feed in two folders, an OPML 2.0 category.
    static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Abonnements de Léa</title></head>
          <body>
            <outline text="Québec">
              <outline text="Québec numérique" type="rss" xmlUrl="https://quebecnumerique.com/feed/" htmlUrl="https://quebecnumerique.com/"/>
              <outline text="Le Camp — « startups »" type="rss" xmlUrl="https://lecamp.ca/feed/"/>
            </outline>
            <outline text="Logiciel libre">
              <outline text="Le Camp — « startups »" type="rss" xmlUrl="https://lecamp.ca/feed/"/>
              <outline text="FACIL" type="rss" xmlUrl="https://facil.qc.ca/rss.xml" category="/Associations/Montréal"/>
            </outline>
            <outline text="Commande" type="rss" xmlUrl="exec:~/bin/flux.sh"/>
          </body>
        </opml>
        """

    @Test("An OPML file imports with folders and categories as tags, bad URLs reported")
    func importOPML() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let file = home.root.appendingPathComponent("abonnements.opml")
        try home.write(Self.opml, to: file)
        try home.write("# les miens\nhttps://lecamp.ca/feed/ perso\n", to: home.userFeeds)
        let result = try home.run(["feeds", "import", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 feeds added, 1 updated"))
        #expect(result.stderr.contains("“exec:” feeds run commands"))
        #expect(try home.read(home.userFeeds) == """
            # les miens
            https://lecamp.ca/feed/ perso Québec "Logiciel libre" "~Le Camp — « startups »"
            https://quebecnumerique.com/feed/ Québec "~Québec numérique"
            https://facil.qc.ca/rss.xml "Logiciel libre" Associations/Montréal "~FACIL"

            """)
    }

    @Test("A newsboat urls file imports as is")
    func importURLs() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let file = home.root.appendingPathComponent("urls")
        try home.write("# newsboat\nhttps://a.example/feed tech \"~Mon A\"\nhtp://oups\n", to: file)
        try home.write("", to: home.userFeeds)
        let result = try home.run(["feeds", "import", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("urls:3: “htp://oups” is not a URL"))
        #expect(try home.read(home.userFeeds) == "https://a.example/feed tech \"~Mon A\"\n")
    }

    @Test("Export to OPML and import into a fresh home gives the same list")
    func opmlRoundTrip() throws {
        let first = ReaderHome(), second = ReaderHome()
        defer { first.remove(); second.remove() }
        try first.write("""
            https://quebecnumerique.com/feed/ Québec "vie de quartier" "~Québec numérique — « le blogue »"
            https://webaquebec.org/feed/ "Web à Québec" événements
            https://facil.qc.ca/rss.xml "~L’association FACIL & cie"
            """, to: first.userFeeds)
        let export = try first.run(["feeds", "export", "--opml"])
        #expect(export.status == 0)
        #expect(export.stdout.contains(#"category="Québec,vie de quartier""#))
        let opml = second.root.appendingPathComponent("export.opml")
        try second.write(export.stdout, to: opml)
        try second.write("", to: second.userFeeds)
        #expect(try second.run(["feeds", "import", opml.path]).status == 0)
        #expect(try second.run(["feeds", "list", "--json"]).stdout == (try first.run(["feeds", "list", "--json"]).stdout))
    }

    @Test("Plain export merges the layers into one urls file")
    func plainExport() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write("https://commun.example/feed équipe\nhttps://caché.example/feed\n", to: home.systemFeeds)
        try home.write("!https://caché.example/feed\nhttps://commun.example/feed \"~Le commun\"\nhttps://moi.example/feed ! perso\n", to: home.userFeeds)
        let export = try home.run(["feeds", "export"])
        #expect(export.stdout == """
            # Flux qnread, toutes listes confondues
            https://commun.example/feed équipe "~Le commun"
            https://moi.example/feed perso !

            """)
    }
}
