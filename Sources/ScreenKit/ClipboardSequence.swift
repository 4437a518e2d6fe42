// OSC 52, the escape sequence that asks the terminal to put text on the system clipboard: it travels with the
// screen's own bytes, so it works over SSH where no clipboard program can. Pure bytes; the backend writes them.

public enum ClipboardSequence {
    /// `ESC ] 52 ; c ; BASE64 BEL`, and inside tmux (`$TMUX` set) the same wrapped in tmux's passthrough
    /// (`ESC P tmux; … ESC \`, each ESC doubled) after it: tmux keeps the plain one when its `set-clipboard` is on,
    /// and hands the wrapped one to the outer terminal when `allow-passthrough` is on.
    public static func osc52(_ text: String, insideTmux: Bool) -> [UInt8] {
        let plain: [UInt8] = Array("\u{1B}]52;c;".utf8) + base64(Array(text.utf8)) + [0x07]
        return insideTmux ? plain + TmuxPassthrough.wrap(plain) : plain
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// RFC 4648 base64 with padding (ScreenKit has no Foundation).
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int(value >> (18 - 6 * UInt32(position)) & 0x3F)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return out
    }
}
