import ArticleText
import ScreenKit

// Lays an ArticleDocument out into styled lines for the pager and `qnread show`.
// (Skeleton: the rendering issue fills this in.)
public enum ArticleLayout {
    public static func lines(for document: ArticleDocument, width: Int) -> [StyledLine] { [] }
}
