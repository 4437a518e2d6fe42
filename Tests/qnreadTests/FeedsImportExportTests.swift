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

    // newsboat's query feeds, and our saved searches, are lines of the urls file like any other.
    static let urlsWithQueries = #"""
        https://quebecnumerique.com/feed/ Québec
        "query:Non lus Québec:unread = \"yes\" and tags # \"Québec\"" québec "~Mes non lus"
        "search:Accessibilité:accessibilité web" a11y
        "query:Faute:titel = \"x\""
        "exec:~/bin/flux.sh"

        """#

    @Test("A newsboat urls file keeps its query feeds; a query that cannot parse is named with its column")
    func importQueries() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let file = home.root.appendingPathComponent("urls")
        try home.write(Self.urlsWithQueries, to: file)
        try home.write("", to: home.userFeeds)
        let result = try home.run(["feeds", "import", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(#"urls:4: query feed “Faute”: filter: column 1: unknown attribute "titel"; skipped"#))
        #expect(try home.read(home.userFeeds) == #"""
            https://quebecnumerique.com/feed/ Québec
            "query:Non lus Québec:unread = \"yes\" and tags # \"Québec\"" québec "~Mes non lus"
            "search:Accessibilité:accessibilité web" a11y

            """#)
    }

    @Test("OPML export leaves query feeds out as newsboat's does, and says so; the urls export keeps them")
    func exportQueries() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write(Self.urlsWithQueries, to: home.userFeeds)
        let opml = try home.run(["feeds", "export", "--opml"])
        #expect(opml.status == 0)
        #expect(opml.stdout.contains("https://quebecnumerique.com/feed/"))
        #expect(!opml.stdout.contains("query:") && !opml.stdout.contains("search:"))
        #expect(opml.stderr.contains("2 query or search feeds left out: OPML cannot hold them (the urls format can)"))
        let urls = try home.run(["feeds", "export"])
        #expect(urls.stdout.contains(#""query:Non lus Québec:unread = \"yes\" and tags # \"Québec\"" québec "~Mes non lus""#))
        #expect(urls.stdout.contains(#""search:Accessibilité:accessibilité web" a11y"#))
    }

    @Test("An OPML outline whose xmlUrl is a query feed imports as one, as newsboat's import does")
    func importOPMLQuery() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let file = home.root.appendingPathComponent("requetes.opml")
        try home.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Requêtes</title></head><body>
              <outline text="Non lus" type="rss" xmlUrl="query:Non lus:unread = &quot;yes&quot;"/>
              <outline text="Faute" type="rss" xmlUrl="query:Faute:unread = &quot;peut-être&quot;"/>
            </body></opml>
            """, to: file)
        try home.write("", to: home.userFeeds)
        let result = try home.run(["feeds", "import", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(#"query feed “Faute”: filter: column 10: unread is "yes" or "no", not "peut-être"; skipped"#))
        #expect(try home.read(home.userFeeds) == #""query:Non lus:unread = \"yes\"" "~Non lus""# + "\n")
    }

    @Test("feeds check checks a query feed's filter and a search feed's words, and fetches neither")
    func checkQueries() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write(#"""
            "query:Non lus:unread = \"yes\""
            "search:Vide:-emploi"
            """#, to: home.userFeeds)
        let check = try home.run(["feeds", "check"])
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("ok      -     -      -       0.00s  query:Non lus:unread = \"yes\""))
        #expect(lines[1].hasSuffix("query feed: made of stored articles, never fetched"))
        #expect(lines[2].hasPrefix("broken  -"))
        #expect(lines[2].hasSuffix("search:Vide:-emploi           a search cannot only exclude words: add a word to look for"))
        #expect(check.stderr.contains("1 of 2 feeds are broken"))
    }
}
