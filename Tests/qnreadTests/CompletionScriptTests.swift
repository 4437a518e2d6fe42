import Foundation
import Testing

// `make install` writes bash, zsh and fish completions with `qnread --generate-completion-script SHELL`. Each script
// is run here by its real shell (TEST_PACKAGES installs zsh and fish): what it offers after a few command lines.

@Suite("Shell completions written from the command tables")
struct CompletionScriptTests {
    let directory: URL
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The script for `shell`, written to a file.
    private func script(_ shell: String) throws -> String {
        let result = try QnReadProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let file = directory.appendingPathComponent("qnread.\(shell)")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Runs `shell -c CODE ARGS…` and returns its standard output.
    private func shell(_ shell: String, _ code: String, _ arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [shell, "-c", code, "completion-test"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path, "LANG": "C.UTF-8"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(shell) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("bash: complete -p names the function; commands, subcommands, options and fixed values are offered")
    func bash() throws {
        let file = try script("bash")
        #expect(try shell("bash", "source \(file); complete -p qnread") == "complete -F _qnread qnread\n")
        func offered(_ words: String...) throws -> [String] {
            let code = "source \(file); COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _qnread; printf '%s\\n' \"${COMPREPLY[@]}\""
            return try shell("bash", code, words).split(separator: "\n").map(String.init).sorted()
        }
        #expect(try offered("qnread", "fe") == ["feeds"])
        #expect(try offered("qnread", "feeds", "") == ["add", "check", "export", "import", "list", "remove"])
        #expect(try offered("qnread", "--db", "/tmp/x.sqlite", "sh") == ["show"])
        #expect(try offered("qnread", "show", "--color", "") == ["always", "auto", "never"])
        #expect(try offered("qnread", "show", "--color", "=", "n") == ["never"])
        #expect(try offered("qnread", "mark", "") == ["read", "star", "unread", "unstar"])
        #expect(try offered("qnread", "feeds", "add", "--") == ["--config", "--db", "--help", "--no-check", "--system", "--tag", "--title"])
        #expect(try offered("qnread", "show", "--re").isEmpty, "a hidden option is offered")
        #expect(try offered("qnread", "bench").isEmpty, "a hidden command is offered")
        try "".write(to: directory.appendingPathComponent("flux.xml"), atomically: true, encoding: .utf8)
        #expect(try offered("qnread", "parse", "fl") == ["flux.xml"])
    }

    @Test("fish: complete -C offers subcommands and options with their help, and an option's fixed values")
    func fish() throws {
        let file = try script("fish")
        func offered(_ line: String) throws -> [String] {
            try shell("fish", "source \(file); complete -C$argv[-1]", [line]).split(separator: "\n").map(String.init)
        }
        #expect(try offered("qnread fe") == ["feeds\tList, add, remove, import, export and check subscribed feeds."])
        #expect(try offered("qnread feeds ").map { $0.prefix { $0 != "\t" } } == ["add", "check", "export", "import", "list", "remove"])
        #expect(try offered("qnread --db x feeds add --t") == ["--tag\tA tag (repeat for more).",
                                                               "--title\tA title to show instead of the feed's own."])
        #expect(try offered("qnread show --color ").map { $0.prefix { $0 != "\t" } } == ["always", "auto", "never"])
        #expect(try offered("qnread mark ") == ["read", "star", "unread", "unstar"])
    }

    /// compadd and _files are builtins of zsh's completion system, callable only inside a completion widget, which
    /// needs a terminal: here they are functions that print what the script hands them (compadd filters by the
    /// word typed; the script hands it every candidate).
    @Test("zsh: the script parses, and hands compsys the subcommands, options and fixed values")
    func zsh() throws {
        let file = try script("zsh")
        #expect(try shell("zsh", "zsh -n \(file) && print ok") == "ok\n")
        func offered(_ words: String...) throws -> String {
            let code = "compadd() { print -r -- \"$*\" }; _files() { print -r -- '(files)' }; "
                + "words=(\"$@\"); CURRENT=$#; source \(file)"
            return try shell("zsh", code, words)
        }
        #expect(try offered("qnread", "feeds", "") == "-- list add remove import export check\n")
        #expect(try offered("qnread", "show", "--color", "") == "-- auto always never\n")
        #expect(try offered("qnread", "show", "--color=a") == "-P --color= -- auto always never\n")
        #expect(try offered("qnread", "mark", "read", "") == "(files)\n")
        #expect(try offered("qnread", "--db", "x", "show", "--w") == "-- -h --help --db --config --file --width --color --base\n")
    }
}
