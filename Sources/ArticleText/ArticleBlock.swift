// The shape of an article once its HTML is read: blocks holding inline runs. Plain values, no layout.

/// A block of an article, in document order.
public indirect enum ArticleBlock: Hashable, Sendable {
    case paragraph([ArticleInline])
    /// h1…h6.
    case heading(level: Int, [ArticleInline])
    /// A block quote; quotes nest.
    case quote([ArticleBlock])
    case list(ArticleList)
    /// `pre`: kept verbatim, line by line, never wrapped.
    case preformatted(String)
    /// `hr`.
    case rule
    /// A figure's content (usually an image) and its caption.
    case figure(content: [ArticleBlock], caption: [ArticleInline])
    case table(ArticleTable)
    /// `dl`: terms and their definitions.
    case definitions([ArticleDefinition])
}

/// A run inside a block.
public enum ArticleInline: Hashable, Sendable {
    case text(String, InlineMarks)
    /// `br`.
    case lineBreak
    /// The number of the link just before, drawn as `[3]`.
    case linkReference(Int)
    /// An image, video or audio clip, drawn as `[image: alt]` with its number.
    case media(ArticleMedia)
}

/// Emphasis carried by a text run; several can apply at once.
public struct InlineMarks: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let strong = InlineMarks(rawValue: 1 << 0)
    public static let emphasis = InlineMarks(rawValue: 1 << 1)
    public static let code = InlineMarks(rawValue: 1 << 2)
    public static let underline = InlineMarks(rawValue: 1 << 3)
    public static let strike = InlineMarks(rawValue: 1 << 4)
    public static let link = InlineMarks(rawValue: 1 << 5)
}

public struct ArticleMedia: Hashable, Sendable {
    public var kind: ArticleLink.Kind
    /// The image's alt text, or the video's title.
    public var label: String?
    /// Its entry in `ArticleDocument.links`; nil when it has no usable URL.
    public var number: Int?

    public init(kind: ArticleLink.Kind, label: String?, number: Int?) {
        self.kind = kind
        self.label = label
        self.number = number
    }
}

public struct ArticleList: Hashable, Sendable {
    public var isOrdered: Bool
    /// The number of the first item (`<ol start>`).
    public var start: Int
    /// Each item is its own blocks, so lists nest.
    public var items: [[ArticleBlock]]

    public init(isOrdered: Bool, start: Int = 1, items: [[ArticleBlock]]) {
        self.isOrdered = isOrdered
        self.start = start
        self.items = items
    }
}

public struct ArticleTable: Hashable, Sendable {
    public var rows: [ArticleTableRow]

    public init(rows: [ArticleTableRow]) { self.rows = rows }
}

public struct ArticleTableRow: Hashable, Sendable {
    /// In `thead`, or made only of `th` cells.
    public var isHeader: Bool
    public var cells: [[ArticleInline]]

    public init(isHeader: Bool, cells: [[ArticleInline]]) {
        self.isHeader = isHeader
        self.cells = cells
    }
}

public struct ArticleDefinition: Hashable, Sendable {
    public var term: [ArticleInline]
    public var details: [[ArticleBlock]]

    public init(term: [ArticleInline], details: [[ArticleBlock]]) {
        self.term = term
        self.details = details
    }
}
