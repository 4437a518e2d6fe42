import FeedModel
import Foundation
import Localization

/// Reads one line of a feeds list (newsboat's `urls` format). Tokens are separated by white space; double quotes
/// group a token and `\"` / `\\` escape inside them; an unquoted token starting with `#` begins a comment.
enum FeedListLineParser {
    enum Result: Equatable {
        case blankOrComment
        case entry(FeedListEntry)
        case exclusion(url: String)
        case problem(Words)
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
        if !first.quoted, url.unicodeScalars.first == "!", url.unicodeScalars.count > 1 {
            excluded = true
            url = String(url.unicodeScalars.dropFirst())
        }
        if let reason = FeedURLCheck.problem(with: url) { return .problem(reason) }
        if excluded {
            return tokens.count == 1 ? .exclusion(url: url) : .problem(Words(N_("“!%s” hides a feed and takes no tags or title"), url))
        }
        var entry = FeedListEntry(url: url)
        for token in tokens.dropFirst() {
            if token.text == "!" {
                entry.isHidden = true
            } else if token.text.unicodeScalars.first == "~" {
                let title = String(token.text.unicodeScalars.dropFirst()).trimmingSpaces
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

    enum Tokens { case success([Token]), failure(Words) }

    /// Works on Unicode scalars, not Characters: a combining mark after a space or a quote would otherwise join
    /// it into one Character that is neither, and a line would read back otherwise than it was written.
    static func tokenize(_ line: String) -> Tokens {
        let scalars = line.unicodeScalars
        var tokens: [Token] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index = scalars.index(after: index)
                continue
            }
            if scalar == "#" { break }
            if scalar == "\"" {
                var text = String.UnicodeScalarView()
                var cursor = scalars.index(after: index)
                var closed = false
                while cursor < scalars.endIndex {
                    let c = scalars[cursor]
                    if c == "\\", scalars.index(after: cursor) < scalars.endIndex {
                        cursor = scalars.index(after: cursor)
                        text.append(scalars[cursor])
                    } else if c == "\"" {
                        closed = true
                        break
                    } else {
                        text.append(c)
                    }
                    cursor = scalars.index(after: cursor)
                }
                guard closed else { return .failure(Words(N_("a quote opened here is never closed"))) }
                tokens.append(Token(text: String(text), quoted: true))
                index = scalars.index(after: cursor)
                continue
            }
            var end = index
            while end < scalars.endIndex, !scalars[end].properties.isWhitespace { end = scalars.index(after: end) }
            tokens.append(Token(text: String(scalars[index..<end]), quoted: false))
            index = end
        }
        return .success(tokens)
    }
}
