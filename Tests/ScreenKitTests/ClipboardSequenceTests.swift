import ScreenKit
import Testing

// yank-url's bytes: what a terminal (or tmux in front of it) must receive to set the clipboard.

@Suite("OSC 52")
struct ClipboardSequenceTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("The payload is RFC 4648 base64, padding included, of the UTF-8 text")
    func base64() {
        // RFC 4648 §10's vectors, then a French URL.
        for (text, encoded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                                ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
                                ("https://quebec.example/l’été", "aHR0cHM6Ly9xdWViZWMuZXhhbXBsZS9s4oCZw6l0w6k=")] {
            #expect(Self.text(ClipboardSequence.osc52(text, insideTmux: false)) == "\u{1B}]52;c;\(encoded)\u{07}")
        }
    }

    @Test("Inside tmux the plain sequence is followed by the passthrough one, its escapes doubled")
    func tmux() {
        let plain = "\u{1B}]52;c;Zm9v\u{07}"
        #expect(Self.text(ClipboardSequence.osc52("foo", insideTmux: true))
                == plain + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;Zm9v\u{07}\u{1B}\\")
    }
}
