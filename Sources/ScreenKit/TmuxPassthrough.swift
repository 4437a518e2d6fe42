/// tmux's passthrough: `ESC P tmux; … ESC \`, each ESC inside doubled, so a sequence tmux does not handle itself
/// reaches the outer terminal (when tmux's `allow-passthrough` is on).
public enum TmuxPassthrough {
    public static func wrap(_ sequence: [UInt8]) -> [UInt8] {
        var wrapped: [UInt8] = Array("\u{1B}Ptmux;".utf8)
        for byte in sequence {
            if byte == 0x1B { wrapped.append(0x1B) }
            wrapped.append(byte)
        }
        return wrapped + Array("\u{1B}\\".utf8)
    }
}
