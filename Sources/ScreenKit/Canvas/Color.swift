/// A colour as a theme names it. The backend degrades it to what the terminal can show.
public enum Color: Hashable, Sendable {
    /// One of the eight ANSI colours, 0 (black) to 7 (white).
    case ansi(Int)
    /// An xterm-256 palette index (`colorN`).
    case indexed(Int)
    /// A truecolour value (`#rrggbb`).
    case rgb(UInt8, UInt8, UInt8)

    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads `red`, `color208` or `#ff8800`; nil for anything else.
    public init?(name: String) {
        let lower = name.lowercased()
        if let index = Color.ansiNames.firstIndex(of: lower) {
            self = .ansi(index)
        } else if lower.hasPrefix("color"), let n = Int(lower.dropFirst(5)), (0...255).contains(n) {
            self = .indexed(n)
        } else if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }
}

/// How many colours a terminal shows.
public enum ColorDepth: Int, Hashable, Sendable, Comparable {
    case none = 0, eight = 8, sixteen = 16, palette256 = 256

    public init(colors: Int) {
        switch colors {
        case ..<8: self = .none
        case 8..<16: self = .eight
        case 16..<256: self = .sixteen
        default: self = .palette256
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Color {
    /// The palette index to ask the terminal for, or nil when it shows no colour at all.
    public func paletteIndex(for depth: ColorDepth) -> Int? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.ansi(let n), _): return n
        case (.indexed(let n), .palette256): return n
        case (.indexed(let n), .sixteen) where n < 16: return n
        case (.indexed(let n), _) where n < 8: return n
        case (.indexed(let n), _): return Color.nearest(Color.paletteRGB(n), among: depth == .sixteen ? 16 : 8)
        case (.rgb(let r, let g, let b), .palette256): return Color.nearestCube(r, g, b)
        case (.rgb(let r, let g, let b), _): return Color.nearest((r, g, b), among: depth == .sixteen ? 16 : 8)
        }
    }

    /// The RGB value of an xterm-256 palette entry.
    static func paletteRGB(_ n: Int) -> (UInt8, UInt8, UInt8) {
        switch n {
        case 0..<16: return basic[n]
        case 16..<232:
            let i = n - 16
            return (cubeLevels[i / 36], cubeLevels[i / 6 % 6], cubeLevels[i % 6])
        default:
            let level = UInt8(8 + 10 * (n - 232))
            return (level, level, level)
        }
    }

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]
    private static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }

    private static func nearest(_ rgb: (UInt8, UInt8, UInt8), among count: Int) -> Int {
        (0..<count).min { distance(basic[$0], rgb) < distance(basic[$1], rgb) } ?? 7
    }

    private static func nearestCube(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        (16..<256).min { distance(paletteRGB($0), (r, g, b)) < distance(paletteRGB($1), (r, g, b)) } ?? 15
    }
}
