import CNcursesw
import ScreenKit

/// Turns styles into ncurses attributes and colour pairs, allocating a pair the first time a colour
/// combination is drawn. Colours are degraded to what the terminal has.
struct ColorPairs {
    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    let depth: ColorDepth
    private let limit: Int
    private var pairs: [Key: Int16] = [:]

    init(depth: ColorDepth, limit: Int) {
        self.depth = depth
        self.limit = min(limit, Int(Int16.max))
    }

    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        let style = depth == .none ? style.withoutColor : style
        var attributes = qn_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attributes |= qn_a_bold() }
        if a.contains(.dim) { attributes |= qn_a_dim() }
        if a.contains(.underline) { attributes |= qn_a_underline() }
        if a.contains(.reverse) { attributes |= qn_a_reverse() }
        if a.contains(.italic) { attributes |= qn_a_italic() }
        guard depth != .none else { return (attributes, 0) }
        let key = Key(foreground: Int32(style.foreground?.paletteIndex(for: depth) ?? -1),
                      background: Int32(style.background?.paletteIndex(for: depth) ?? -1))
        if key.foreground == -1, key.background == -1 { return (attributes, 0) }
        if let pair = pairs[key] { return (attributes, pair) }
        // Out of pairs: draw in the default colours rather than in a wrong pair.
        guard pairs.count + 1 < limit else { return (attributes, 0) }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, Int16(key.foreground), Int16(key.background))
        pairs[key] = pair
        return (attributes, pair)
    }
}
