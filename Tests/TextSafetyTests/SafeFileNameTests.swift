import Testing
import TextSafety

// Titles are hostile: whatever a feed puts in one, the name saved from it is one harmless path component.

@Test("A French title keeps its accents, guillemets and apostrophes")
func frenchTitleKept() {
    #expect(SafeFileName.make(from: "« L’hiver arrive » à Québec", extension: "txt") == "« L’hiver arrive » à Québec.txt")
}

@Test("Slashes and other path syntax become dashes, so the name stays one component")
func pathSyntaxReplaced() {
    #expect(SafeFileName.make(from: "../../etc/passwd", extension: "txt") == "etc-passwd.txt")
    #expect(SafeFileName.make(from: "Bilan 2026/2027", extension: "txt") == "Bilan 2026-2027.txt")
    #expect(SafeFileName.make(from: "Québec : 2026/2027 ?", extension: "txt") == "Québec - 2026-2027 -.txt")
    #expect(SafeFileName.make(from: #"a\b|c"d<e>f*g"#, extension: "txt") == "a-b-c-d-e-f-g.txt")
}

@Test("Names never start with a dot or a dash: no hidden file, no .., no option")
func noLeadingDotOrDash() {
    #expect(SafeFileName.make(from: "..", extension: "txt") == "article.txt")
    #expect(SafeFileName.make(from: ".bashrc", extension: "txt") == "bashrc.txt")
    #expect(SafeFileName.make(from: "-rf --no-preserve-root", extension: "txt") == "rf --no-preserve-root.txt")
    #expect(SafeFileName.make(from: " . - .x", extension: "") == "x")
}

@Test("Control characters, escapes and bidi overrides are dropped; line breaks are spaces")
func controlsDropped() {
    let title = "Titre\u{1B}[31m rouge\u{7}\n\tsuite\u{202E}txt.exe\u{0}"
    #expect(SafeFileName.make(from: title, extension: "txt") == "Titre[31m rouge suitetxt.exe.txt")
}

@Test("An empty or all-unsafe title falls back to a plain name")
func fallback() {
    #expect(SafeFileName.make(from: "", extension: "txt") == "article.txt")
    #expect(SafeFileName.make(from: "\u{1B}\u{7}\n . ", extension: "txt", fallback: "épisode") == "épisode.txt")
}

@Test("A 300-character title is cut to the byte limit on a whole character, extension and number kept")
func byteLimit() {
    let title = String(repeating: "é", count: 300)
    let name = SafeFileName.make(from: title, extension: "txt")
    #expect(name.utf8.count <= SafeFileName.maxBytes)
    #expect(name.hasSuffix("é.txt"))
    let numbered = SafeFileName.make(from: title, extension: "txt", number: 12)
    #expect(numbered.utf8.count <= SafeFileName.maxBytes)
    #expect(numbered.hasSuffix("é (12).txt"))
    // A combining accent stays with its letter.
    let combining = String(repeating: "e\u{301}", count: 150)
    #expect(SafeFileName.make(from: combining, extension: "txt").unicodeScalars.dropLast(4).last == "\u{301}")
}

@Test("A number of 2 or more is put before the extension; 1 adds nothing")
func numbered() {
    #expect(SafeFileName.make(from: "Titre", extension: "txt", number: 1) == "Titre.txt")
    #expect(SafeFileName.make(from: "Titre", extension: "txt", number: 2) == "Titre (2).txt")
}

// "../../" before a long title took its room: the name stopped 7 bytes short of the limit.
@Test("What is trimmed from the front leaves its room to the title")
func trimBeforeCut() {
    let name = SafeFileName.make(from: "../../." + String(repeating: "é", count: 300), extension: "txt")
    #expect(name == String(repeating: "é", count: 98) + ".txt")
}
