import ReaderCore
import ReaderRuntime
import Testing

@Suite("Which program a command line is for")
struct ReaderArgumentsTests {
    @Test("Nothing, or only --db and --config in either spelling, opens the reader")
    func reader() {
        #expect(ReaderArguments.parse([]) == .reader(databasePath: nil, configPath: nil))
        #expect(ReaderArguments.parse(["--db", "/tmp/a b.sqlite"]) == .reader(databasePath: "/tmp/a b.sqlite", configPath: nil))
        #expect(ReaderArguments.parse(["--config=/etc/é.toml", "--db=x.sqlite"]) == .reader(databasePath: "x.sqlite", configPath: "/etc/é.toml"))
        #expect(ReaderArguments.parse(["--db=-odd-name"]) == .reader(databasePath: "-odd-name", configPath: nil))
    }

    @Test("Anything else is the tool's to run or to explain")
    func tool() {
        for arguments in [["--help"], ["--version"], ["parse", "feed.xml"], ["--db"], ["--db", "--config", "x"],
                          ["--db=a", "--db=b"], ["--db="], ["-h"], ["--dbx", "y"], ["--db", "a", "reload"], [""]] {
            #expect(ReaderArguments.parse(arguments) == .tool, "\(arguments)")
        }
    }

    @Test("Progress lines round-trip; other lines are not progress")
    func progressLines() {
        let line = ReloadProgressLine.format(done: 12, total: 40, failed: 1)
        #expect(line == "progress 12 40 1")
        #expect(ReloadProgressLine.parse(line[...]) == ReloadProgress(done: 12, total: 40, failed: 1))
        for other in ["warning: progress 1 2 0", "progress 3 2 0", "progress 1 2", "progress a b c", "progress 2 4 3", ""] {
            #expect(ReloadProgressLine.parse(other[...]) == nil, "\(other)")
        }
    }
}
