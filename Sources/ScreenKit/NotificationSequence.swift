import TextSafety

// A desktop notification asked of the terminal itself, so it works over SSH and in tmux: OSC 777 (rxvt, foot,
// WezTerm, Ghostty, VTE) and OSC 9 (iTerm2, Windows Terminal, kitty). Pure bytes; the backend writes them.

public enum NotificationSequence {
    /// `ESC ] 777 ; notify ; qnread ; BODY BEL` then `ESC ] 9 ; qnread: BODY BEL`, each wrapped in tmux's passthrough
    /// inside tmux; with `bell`, a BEL last. The text becomes one line with no control character and no `;`.
    public static func bytes(_ text: String, insideTmux: Bool, notification: Bool, bell: Bool) -> [UInt8] {
        let body = String(SafeText.collapsedLine(text).map { $0 == ";" ? "," : $0 })
        var out: [UInt8] = []
        if notification {
            for sequence in ["\u{1B}]777;notify;qnread;\(body)\u{07}", "\u{1B}]9;qnread: \(body)\u{07}"] {
                out += insideTmux ? TmuxPassthrough.wrap(Array(sequence.utf8)) : Array(sequence.utf8)
            }
        }
        if bell { out.append(0x07) }
        return out
    }
}
