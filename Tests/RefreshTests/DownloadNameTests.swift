import FeedRefresh
import Foundation
import Testing

// download_name as users write it, and titles as hostile feeds write them: every part is one safe path component.
@Suite("download_name")
struct DownloadNameTests {
    static let date = Date(timeIntervalSince1970: 1_764_590_400) // 2025-12-01

    func parts(_ template: String, feed: String = "Balado", title: String = "Épisode 7", url: String = "https://b.exemple/ep7.mp3?src=rss",
               type: String? = "audio/mpeg", number: Int? = nil) -> [String] {
        DownloadName(template: template).components(feedTitle: feed, articleTitle: title, date: Self.date, url: url, type: type, number: number)
    }

    @Test("The default makes feed/title.ext, the extension from the URL, else the type, else bin")
    func defaults() {
        #expect(parts("%f/%t.%e") == ["Balado", "Épisode 7.mp3"])
        #expect(parts("%f/%t.%e", url: "https://b.exemple/fichier", type: "video/webm") == ["Balado", "Épisode 7.webm"])
        #expect(parts("%f/%t.%e", url: "https://b.exemple/a.b/fichier", type: nil) == ["Balado", "Épisode 7.bin"])
    }

    @Test("A URL's extension counts only when it is a media or document one: a script's or a page's never")
    func hostileExtension() {
        #expect(parts("%t.%e", url: "https://b.exemple/ep7.M4B") == ["Épisode 7.m4b"])
        #expect(parts("%t.%e", url: "https://b.exemple/livre.epub", type: nil) == ["Épisode 7.epub"])
        #expect(parts("%t.%e", url: "https://b.exemple/ep7.sh") == ["Épisode 7.mp3"])
        #expect(parts("%t.%e", url: "https://b.exemple/ep7.html?x=.mp3", type: "video/mp4") == ["Épisode 7.mp4"])
        #expect(parts("%t.%e", url: "https://b.exemple/ep7.jar", type: nil) == ["Épisode 7.bin"])
        #expect(parts("%t.%e", url: "https://b.exemple/ep7.py", type: "text/x-python") == ["Épisode 7.bin"])
        #expect(parts("%t.%e", url: "https://b.exemple/ep7.desktop", type: "application/octet-stream") == ["Épisode 7.bin"])
    }

    @Test("%d is the date, %% a percent sign, an unknown directive stays as written")
    func directives() {
        #expect(parts("%d %t.%e") == ["2025-12-01 Épisode 7.mp3"])
        #expect(parts("100%% %t%x.%e") == ["100% Épisode 7%x.mp3"])
    }

    @Test("Titles never add a directory, climb out, hide a file or start with a dash; the template's own .. neither")
    func hostile() {
        #expect(parts("%f/%t.%e", feed: "../..", title: "../../.bashrc") == ["qnread", "bashrc.mp3"])
        #expect(parts("../%f/../%t.%e", title: "-rf /") == ["qnread", "Balado", "qnread", "rf -.mp3"])
        #expect(parts("%t.%e", title: "a/b\\c:d") == ["a-b-c-d.mp3"])
        #expect(parts("%t.%e", title: "") == ["episode.mp3"])
    }

    @Test("A long title is cut to 200 bytes with its extension and number kept")
    func long() throws {
        let name = try #require(parts("%t.%e", title: String(repeating: "é", count: 300), number: 2).last)
        #expect(name.utf8.count <= 200)
        #expect(name.hasSuffix("é (2).mp3"))
    }
}
