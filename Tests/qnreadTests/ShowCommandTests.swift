import Foundation
import Testing

/// Writes `html` to a fresh temporary file and returns its path.
private func articleFile(_ html: String, name: String = "billet.html", encoding: String.Encoding = .utf8) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-show-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try #require(html.data(using: encoding)).write(to: url)
    return url.path
}

private let frenchArticle = """
    <html><head><title>Le Hub accueille la communauté</title></head><body>
    <h1>Une soirée au Hub&nbsp;!</h1>
    <p>Mardi dernier, les bénévoles du <a href="https://webaquebec.example.org/">Web à Québec</a> ont reçu
    «&nbsp;toute la communauté numérique&nbsp;» au <strong>Hub de Saint-Roch</strong>. Pourquoi tant d’engouement ?
    Parce que l’accessibilité, ça nous concerne tous&nbsp;: 20&nbsp;% des gens vivent avec une limitation.</p>
    <ul><li>Des présentations</li><li>Des échanges&#8239;;</li></ul>
    <img src="/images/salle.jpg" alt="La salle comble">
    <iframe src="https://www.youtube.com/embed/abc" title="L’allocution"></iframe>
    </body></html>
    """

@Test("show --file prints the header, then the body laid out at --width, then the links")
func showFile() throws {
    let path = try articleFile(frenchArticle)
    let result = try QnReadProcess.run(["show", "--file", path, "--width", "40", "--base", "https://webaquebec.example.org/billet/"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "Le Hub accueille la communauté")
    #expect(lines.contains("Une soirée au Hub\u{00A0}!"))
    #expect(lines.contains("• Des présentations"))
    #expect(lines.contains("[1] https://webaquebec.example.org/"))
    #expect(lines.contains("[2] https://webaquebec.example.org/"))
    #expect(lines.contains("    images/salle.jpg (image)"))
    #expect(lines.contains("[vidéo: L’allocution][3]"))
    for line in lines {
        #expect(line.count <= 40, "too wide: \(line)")
        #expect(!line.hasPrefix("»") && !line.hasPrefix(":") && !line.hasPrefix("?") && !line.hasSuffix("«"), "\(line)")
    }
}

@Test("Colours only with --color always; never with --color never or when stdout is not a terminal")
func colorChoice() throws {
    let path = try articleFile(frenchArticle)
    let always = try QnReadProcess.run(["show", "--file", path, "--color", "always"])
    #expect(always.stdout.contains("\u{1B}[1;36m"))   // the heading
    #expect(always.stdout.contains("\u{1B}[4;34mWeb à Québec\u{1B}[0m"))
    let never = try QnReadProcess.run(["show", "--file", path, "--color", "never"])
    let auto = try QnReadProcess.run(["show", "--file", path])
    #expect(!never.stdout.contains("\u{1B}"))
    #expect(!auto.stdout.contains("\u{1B}"))
    #expect(auto.stdout == never.stdout)
}

// An article is hostile: it must never be able to move the cursor, clear the screen or set a title.
@Test("No escape sequence from the article reaches stdout, even with colours on")
func hostileArticle() throws {
    let path = try articleFile("""
        <html><head><title>Titre\u{1B}]0;pirate\u{07}</title></head><body>
        <p>avant &#x1b;[2J&#x9b;31m \u{1B}[H \u{202E}txet\u{202C} après</p><pre>\u{1B}c réinitialisé</pre></body></html>
        """)
    for color in ["never", "always"] {
        let result = try QnReadProcess.run(["show", "--file", path, "--color", color])
        #expect(result.status == 0)
        let scalars = result.stdout.unicodeScalars
        #expect(!scalars.contains { $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x202C })
        // With colours on, the only escapes are our own SGR sequences.
        let escapes = result.stdout.components(separatedBy: "\u{1B}").dropFirst()
        #expect(escapes.allSatisfy { $0.hasPrefix("[") && $0.prefix { $0 != "m" }.allSatisfy { $0 == "[" || $0 == ";" || $0.isNumber } })
        #expect(color == "always" || escapes.isEmpty)
    }
}

@Test("Without --width the width comes from $COLUMNS, else 80")
func defaultWidth() throws {
    let paragraph = String(repeating: "numérique ", count: 40)
    let path = try articleFile("<p>\(paragraph)</p>")
    let widest = { (output: String) in output.split(separator: "\n").map(\.count).max() ?? 0 }
    let fromColumns = try QnReadProcess.run(["show", "--file", path], environment: ["COLUMNS": "50"])
    #expect(widest(fromColumns.stdout) <= 50 && widest(fromColumns.stdout) > 40)
    let fallback = try QnReadProcess.run(["show", "--file", path])
    #expect(widest(fallback.stdout) == 80)   // the header rule
}

@Test("A Latin-1 file with no declared encoding is read as windows-1252")
func latin1File() throws {
    let path = try articleFile("<p>Québec, l’été : « déjà » !</p>", encoding: .windowsCP1252)
    let result = try QnReadProcess.run(["show", "--file", path])
    #expect(result.stdout.contains("Québec, l’été : « déjà » !"))
}

@Test("A missing file is one line on stderr naming it, and exit status 1")
func missingFile() throws {
    let result = try QnReadProcess.run(["show", "--file", "/nonexistent/article.html"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(result.stderr.contains("/nonexistent/article.html"))
}

@Test("--repeat times the render on stderr and prints the article once")
func repeatTiming() throws {
    let path = try articleFile(frenchArticle)
    let once = try QnReadProcess.run(["show", "--file", path, "--width", "60"])
    let repeated = try QnReadProcess.run(["show", "--file", path, "--width", "60", "--repeat", "5"])
    #expect(repeated.stdout == once.stdout)
    #expect(repeated.stderr.hasPrefix("render: 5 runs"))
    #expect(repeated.stderr.contains("median"))
}

/// Runs `qnread ARGS…` on a pseudo-terminal `columns` wide, through util-linux `script`.
private func runOnTerminal(_ arguments: [String], columns: Int, environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    let command = ([QnReadProcess.binaryURL.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    process.arguments = ["-q", "-e", "-c", "stty cols \(columns); \(command)", "/dev/null"]
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path]
    env.merge(environment) { _, new in new }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
}

@Test("On a terminal, colours are on by default and the width is the terminal's; NO_COLOR turns colours off",
      .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
func onTerminal() throws {
    let path = try articleFile(frenchArticle)
    let colored = try runOnTerminal(["show", "--file", path], columns: 57)
    #expect(colored.contains("\u{1B}[1;36m"))
    let rule = colored.split(separator: "\n").first { $0.contains("──") }.map { $0.filter { $0 == "─" }.count }
    #expect(rule == 57)
    let plain = try runOnTerminal(["show", "--file", path], columns: 57, environment: ["NO_COLOR": "1"])
    #expect(!plain.contains("\u{1B}"))
    #expect(plain.contains("Une soirée au Hub\u{00A0}!"))
}
