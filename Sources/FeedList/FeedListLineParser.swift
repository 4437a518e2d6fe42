import FeedModel
import Foundation

/// Reads one line of a feeds list (newsboat's `urls` format). Tokens are separated by white space; double quotes
/// group a token and `\"` / `\\` escape inside them; an unquoted token starting with `#` begins a comment.
enum FeedListLineParser {
    enum Result: Equatable {
        case blankOrComment
        case entry(FeedListEntry)
        case exclusion(url: String)
        case problem(String)
    }

    static func parse(_ line: String) -> Result {
        let tokens: [Token]
        switch tokenize(line) {
        case .failure(let reason): return .problem(reason)
        case .success(let found): tokens = found
        }
        guard let first = tokens.first else { return .blankOrComment }
        var url = first.text
        var excluded = false
        if !first.quoted, url.hasPrefix("!"), url.count > 1 {
            excluded = true
            url.removeFirst()
        }
        if let reason = FeedURLCheck.problem(with: url) { return .problem(reason) }
        if excluded {
            return tokens.count == 1 ? .exclusion(url: url) : .problem("“!\(url)” hides a feed and takes no tags or title")
        }
        var entry = FeedListEntry(url: url)
        for token in tokens.dropFirst() {
            if token.text == "!" {
                entry.isHidden = true
            } else if token.text.hasPrefix("~") {
                let title = token.text.dropFirst().trimmingSpaces
                if !title.isEmpty { entry.title = title }
            } else if !token.text.isEmpty, !entry.tags.contains(token.text) {
                entry.tags.append(token.text)
            }
        }
        return .entry(entry)
    }

    struct Token: Equatable {
        var text: String
        var quoted: Bool
    }

    enum Tokens { case success([Token]), failure(String) }

    static func tokenize(_ line: String) -> Tokens {
        var tokens: [Token] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character.isWhitespace {
                index = line.index(after: index)
                continue
            }
            if character == "#" { break }
            if character == "\"" {
                var text = ""
                var cursor = line.index(after: index)
                var closed = false
                while cursor < line.endIndex {
                    let c = line[cursor]
                    if c == "\\", line.index(after: cursor) < line.endIndex {
                        cursor = line.index(after: cursor)
                        text.append(line[cursor])
                    } else if c == "\"" {
                        closed = true
                        break
                    } else {
                        text.append(c)
                    }
                    cursor = line.index(after: cursor)
                }
                guard closed else { return .failure("a quote opened here is never closed") }
                tokens.append(Token(text: text, quoted: true))
                index = line.index(after: cursor)
                continue
            }
            var end = index
            while end < line.endIndex, !line[end].isWhitespace { end = line.index(after: end) }
            tokens.append(Token(text: String(line[index..<end]), quoted: false))
            index = end
        }
        return .success(tokens)
    }
}
