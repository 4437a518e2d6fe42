import FeedModel
import Foundation
import Localization
import Glibc
import ReaderCore
import ReaderRuntime
import ScreenKit
import Testing

// pipe-to, save, bookmark and yank-url through the real loop, the real store and real programs: what reaches the
// program's argv and standard input, the file saved, the bytes sent to the terminal.

@Suite("Article commands in the loop")
struct ArticleCommandsTests {
    final class Scratch {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-commands-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: directory) }
        func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func read(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

        /// A script that writes its argv, one a line, to `argv`, and its standard input to `stdin`.
        func recorder(_ extra: String = "") throws -> URL {
            let script = url("recorder")
            try writeExecutable("""
                #!/bin/sh
                for a in "$@"; do printf '%s\\n' "$a"; done > "\(url("argv").path)"
                cat > "\(url("stdin").path)"
                \(extra)
                """, to: script)
            return script
        }
    }

    /// The reader on the first feed's list, then `keys`; runs until the status line satisfies `until`.
    static func run(_ keys: [String], settings: Settings, environment: [String: String] = [:], catalogue: Catalogue = .english,
                    until done: @escaping (String) -> Bool = { _ in true }) throws -> ScriptedTerminal {
        let temp = try ReaderLoopTests.TemporaryStore()
        let terminal = ScriptedTerminal(width: 160, height: 12, script: (["j", "j", "Enter"] + keys).flatMap { ScriptedTerminal.keys($0) })
        var polls = 0
        terminal.whenIdle = { terminal in
            polls += 1
            guard polls < 500, !done(terminal.screen.lines.last ?? "") else { return nil }
            Thread.sleep(forTimeInterval: 0.01)
            return [.wake]
        }
        var state = AppState(size: Size(width: 160, height: 12), settings: settings, catalogue: catalogue)
        state.status = nil
        _ = ReaderLoop(terminal: terminal, library: temp.store, refresher: nil, state: state, environment: environment).run()
        return terminal
    }

    @Test("pipe-to hands the terminal to the command, the article's text on its stdin, argv as configured")
    func pipe() throws {
        let scratch = try Scratch()
        var settings = Settings()
        settings.pipe = [try scratch.recorder().path, "-R", "deux mots"]
        let terminal = try Self.run(["|"], settings: settings)
        #expect(terminal.suspensions == 1)
        #expect(try scratch.read("argv") == "-R\ndeux mots\n")
        let text = try scratch.read("stdin")
        #expect(text.hasPrefix("Article numéro 1 à Québec\nQuébec numérique · "))
        #expect(text.contains("\nTexte « 1 »\n"))
        #expect(terminal.frames.last?.last?.hasPrefix("Piped the article to ") == true)
    }

    @Test("A pipe command that fails is reported; the screen comes back")
    func pipeFailure() throws {
        var settings = Settings()
        settings.pipe = ["qnread-no-such-pager"]
        let terminal = try Self.run(["|"], settings: settings)
        #expect(terminal.frames.last?.last?.hasPrefix("cannot run qnread-no-such-pager: No such file or directory") == true)
        #expect(terminal.frames.last?[1].contains("Article numéro 1 à Québec") == true)
    }

    // The runtime's own failures (a program that cannot run, a command's exit status) follow the language too.
    @Test("In French, a failing pipe or bookmark command and a save are reported in French")
    func failuresInFrench() throws {
        let french = Catalogue(.fr)
        var settings = Settings()
        settings.pipe = ["qnread-no-such-pager"]
        let pipe = try Self.run(["|"], settings: settings, catalogue: french)
        #expect(pipe.frames.last?.last?.hasPrefix("impossible de lancer qnread-no-such-pager\u{A0}: No such file or directory") == true,
                "\(pipe.frames.last?.last ?? "")")
        let scratch = try Scratch()
        settings.bookmarkCommand = [try scratch.recorder("exit 3").path]
        let bookmark = try Self.run(["B"], settings: settings, catalogue: french) { $0.contains("code") }
        #expect(bookmark.frames.last?.last?.hasPrefix("\(scratch.url("recorder").path) s’est terminé avec le code 3") == true)
        settings.saveDirectory = scratch.directory.path
        let save = try Self.run(["S"], settings: settings, catalogue: french)
        #expect(save.frames.last?.last?.hasPrefix("Enregistré\u{A0}: \(scratch.directory.path)/Article numéro 1") == true)
    }

    @Test("A program that reads one line of a long article and quits stops nothing")
    func pagerQuitsEarly() throws {
        let scratch = try Scratch()
        let long = String(repeating: "Une ligne de texte « longue » pour remplir le tube.\n", count: 40_000)
        try ProgramLauncher.run(["sh", "-c", "head -n 1 > \"$0\"", scratch.url("first").path], input: long)
        #expect(try scratch.read("first") == "Une ligne de texte « longue » pour remplir le tube.\n")
    }

    @Test("save writes the article's text into save_dir and says where")
    func save() throws {
        let scratch = try Scratch()
        var settings = Settings()
        settings.saveDirectory = scratch.directory.path
        let terminal = try Self.run(["S", "S"], settings: settings)
        let first = scratch.url("Article numéro 1 à Québec.txt")
        let second = scratch.url("Article numéro 1 à Québec (2).txt")
        #expect(try String(contentsOf: first, encoding: .utf8).hasPrefix("Article numéro 1 à Québec\n"))
        #expect(try String(contentsOf: second, encoding: .utf8) == String(contentsOf: first, encoding: .utf8))
        #expect(terminal.frames.last?.last?.hasPrefix("Saved \(scratch.directory.path)/Article numéro 1") == true)
    }

    @Test("bookmark runs the command with URL, title, description and feed title, off the main loop")
    func bookmark() throws {
        let scratch = try Scratch()
        var settings = Settings()
        settings.bookmarkCommand = [try scratch.recorder("echo 'ajouté au carnet'").path, "--ajouter"]
        let terminal = try Self.run(["B"], settings: settings) { $0.hasPrefix("Bookmarked") }
        #expect(terminal.frames.last?.last?.hasPrefix("Bookmarked: ajouté au carnet") == true)
        #expect(terminal.suspensions == 0, "the screen stays")
        #expect(try scratch.read("argv") == """
            --ajouter
            https://quebecnumerique.example/1
            Article numéro 1 à Québec
            Texte « 1 »
            Québec numérique

            """)
        #expect(try scratch.read("stdin") == "", "its input is /dev/null, never the terminal")
    }

    @Test("A failing bookmark command says so with its last line")
    func bookmarkFailure() throws {
        let scratch = try Scratch()
        var settings = Settings()
        settings.bookmarkCommand = [try scratch.recorder("echo 'carnet plein' >&2; exit 3").path]
        let terminal = try Self.run(["B"], settings: settings) { $0.contains("exited") }
        #expect(terminal.frames.last?.last?.hasPrefix("\(scratch.url("recorder").path) exited with status 3: carnet plein") == true)
    }

    @Test("yank-url sends OSC 52 to the terminal, wrapped for tmux when $TMUX is set")
    func yank() throws {
        let plain = try Self.run(["y"], settings: Settings())
        let url = "https://quebecnumerique.example/1"
        #expect(plain.controlSequences == [ClipboardSequence.osc52(url, insideTmux: false)])
        #expect(plain.frames.last?.last?.hasPrefix("Copied \(url)") == true)
        let tmux = try Self.run(["y"], settings: Settings(), environment: ["TMUX": "/tmp/tmux-1000/default,1,0"])
        #expect(tmux.controlSequences == [ClipboardSequence.osc52(url, insideTmux: true)])
    }
}

@Suite("Saving an article to a file")
struct ArticleFileTests {
    @Test("Hostile titles become one safe file inside the directory, never a path out of it")
    func hostileTitles() throws {
        let scratch = try ArticleCommandsTests.Scratch()
        let titles = ["../../etc/passwd", "a/b\\c:d", "\u{1B}]0;pwned\u{07}\u{1B}[2JTitre\u{9B}31m", "..", "", "-rf --no-preserve-root",
                      String(repeating: "é", count: 300), ".cache/secret", "\n\t "]
        var names: [String] = []
        for title in titles {
            let path = try ArticleFile.save("texte de « \(title.prefix(10)) »\n", title: title, in: scratch.directory.path)
            let url = URL(fileURLWithPath: path)
            #expect(url.deletingLastPathComponent().standardizedFileURL.path == scratch.directory.standardizedFileURL.path)
            names.append(url.lastPathComponent)
        }
        #expect(names == ["etc-passwd.txt", "a-b-c-d.txt", "]0;pwned[2JTitre31m.txt", "article.txt", "article (2).txt",
                          "rf --no-preserve-root.txt", String(repeating: "é", count: 98) + ".txt", "cache-secret.txt",
                          "article (3).txt"])
        let listed = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)
        #expect(Set(listed) == Set(names), "nothing written anywhere else")
    }

    @Test("A file already there is never replaced, nor a symbolic link followed: the name takes a number")
    func neverOverwrites() throws {
        let scratch = try ArticleCommandsTests.Scratch()
        try "ancien".write(to: scratch.url("Titre.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.url("Titre (2).txt").path,
                                                   withDestinationPath: scratch.url("cible").path)
        let path = try ArticleFile.save("nouveau", title: "Titre", in: scratch.directory.path)
        #expect(path == scratch.url("Titre (3).txt").path)
        #expect(try scratch.read("Titre.txt") == "ancien")
        #expect(!FileManager.default.fileExists(atPath: scratch.url("cible").path), "the link led nowhere and still does")
        #expect(try scratch.read("Titre (3).txt") == "nouveau")
    }

    @Test("A save directory that is missing or a file is a clear failure")
    func badDirectory() throws {
        let scratch = try ArticleCommandsTests.Scratch()
        #expect(throws: ArticleFile.Failure.self) { try ArticleFile.save("x", title: "Titre", in: scratch.url("absent").path) }
        try "x".write(to: scratch.url("fichier"), atomically: true, encoding: .utf8)
        do {
            _ = try ArticleFile.save("x", title: "Titre", in: scratch.url("fichier").path)
            Issue.record("saved into a file")
        } catch {
            #expect("\(error)" == "cannot save into \(scratch.url("fichier").path): not a directory")
        }
    }
}
