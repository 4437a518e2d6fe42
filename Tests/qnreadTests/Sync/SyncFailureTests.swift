@testable import FeedRefresh
import FeedFetching
import FeedStorage
import Foundation
import LocalHTTPServer
import Testing

// A sync that cannot be done fails with one line saying why (and what to do), loses nothing and changes nothing
// it did not finish; the password never appears in anything qnread prints.
@Suite("Sync: failures")
struct SyncFailureTests {
    /// Runs `qnread sync` and checks the failure: exit 1, one line on stderr, no password anywhere.
    static func failedSync(_ home: SyncHome) async throws -> String {
        let result = try await home.run(["sync"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains(home.account.password) && !result.stdout.contains(home.account.password))
        return String(lines.first ?? "")
    }

    @Test("A wrong password: the server refused the login, nothing else tried")
    func wrongPassword() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let home = try SyncHome(account)
        try Data("pas-le-bon\n".utf8).write(to: home.passwordFile)
        let line = try await Self.failedSync(home)
        #expect(line.contains("refused the login of \(account.login): wrong user name or password"))
        #expect(!line.contains("pas-le-bon"))
        // The reader's status line will say it at its next start.
        #expect(try home.openStore().syncStatus().lastError?.contains("wrong user name or password") == true)
    }

    @Test("API access disabled for the user: the message says how to enable it")
    func apiDisabled() async throws {
        let account = try await TTRSSServer.running().makeAccount(apiAccess: false)
        let line = try await Self.failedSync(try SyncHome(account))
        #expect(line.contains("API access is disabled for \(account.login)"))
        #expect(line.contains("Preferences → General → “Enable API access”"))
    }

    @Test("Nothing listens there: the server cannot be reached")
    func unreachable() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let line = try await Self.failedSync(try SyncHome(account, url: "http://127.0.0.1:1/"))
        #expect(line == "Error: sync failed: cannot reach Tiny Tiny RSS at http://127.0.0.1:1/api/: connection refused")
    }

    @Test("Answers that are not Tiny Tiny RSS's: an HTML page, an HTTP error, other JSON, JSON cut short")
    func notTinyTinyRSS() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let cases: [(HTTPReply, String)] = [
            (HTTPReply(headers: [("Content-Type", "text/html")], text: "<!DOCTYPE html><html><body>Bienvenue</body></html>"),
             "answered with an HTML page, not Tiny Tiny RSS's JSON: check sync.url"),
            (HTTPReply(status: 404, text: "<html>Not found</html>"), "answered HTTP 404 Not Found: is sync.url the Tiny Tiny RSS address"),
            (HTTPReply(headers: [("Content-Type", "application/json")], text: #"{"bonjour": "Québec"}"#),
             "is not a Tiny Tiny RSS API: its answer has no status and content"),
            (HTTPReply(text: #"{"seq":0,"status":0,"content":{"session_id":"ab"#), "to login is not valid JSON"),
        ]
        for (reply, expected) in cases {
            let server = try LocalHTTPServer { _ in reply }
            let line = try await Self.failedSync(try SyncHome(account, url: server.url("/").absoluteString))
            #expect(line.contains(expected), "\(line)")
        }
    }

    @Test("The server stops in the middle of a sync: marks stay queued, pages whole, nothing doubled after")
    func serverStopsMidSync() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        try await account.subscribe(try account.publish("a", title: "Feed A", items: SyncPullTests.items("A", 0..<6)))
        let relay = try StoppingRelay(to: account.server.url)
        let home = try SyncHome(account, url: relay.url)
        #expect(try await home.sync().newArticles == 6)
        try await account.subscribe(try account.publish("big", title: "Gros", items: SyncPullTests.items("G", 0..<250)))
        let store = try home.openStore()
        try store.mark(.articles([try SyncMarksTests.localID(home, "A nº 0")]), .starred)
        // Down: the mark waits.
        relay.stop(after: 0)
        let line = try await Self.failedSync(home)
        #expect(line.contains("cannot reach Tiny Tiny RSS at \(relay.url)api/: connection refused"), "\(line)")
        #expect(line.hasSuffix("(1 mark waits for the next sync)"), "\(line)")
        #expect(try store.syncStatus().waitingMarks == 1)
        #expect(try store.statistics().articles == 6)
        // Down after the first page of new articles (the mark, then the counts, the feeds and page 1 at once;
        // the session is the one the first sync kept): the mark is on the server, 200 articles are stored, the
        // second page is not.
        try relay.resume()
        relay.stop(after: 4)
        _ = try await Self.failedSync(home)
        #expect(try store.syncStatus().waitingMarks == 0)
        #expect(try await account.articles()[try await SyncMarksTests.serverID(account, "A nº 0")]?.starred == true)
        #expect(try store.statistics().articles == 206)
        #expect(try store.integrityProblems() == [])
        // Back up: the rest comes, once each.
        try relay.resume()
        #expect(try await home.sync().newArticles == 50)
        #expect(try home.storedArticles().count == 256)
        #expect(try store.statistics().articles == 256)
    }

    @Test("Another server or user with marks still waiting: refused until they are sent or dropped on purpose")
    func accountChangeKeepsWaitingMarks() async throws {
        let (home, account) = try await SyncMarksTests.syncedHome()
        try home.openStore().mark(.articles([try SyncMarksTests.localID(home, "B nº 1")]), .read)
        let other = try await TTRSSServer.running().makeAccount()
        try Data((other.password + "\n").utf8).write(to: home.passwordFile)
        try home.writeConfig(url: account.server.url, user: other.login)
        let line = try await Self.failedSync(home)
        #expect(line.contains("1 mark waits for \(account.login) at \(account.server.url)"), "\(line)")
        #expect(try home.openStore().syncStatus().waitingMarks == 1)
        let dropped = try await home.run(["sync", "--drop-waiting"])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(try home.openStore().syncStatus().waitingMarks == 0)
    }

    @Test("An expired session is opened again, once")
    func sessionExpiry() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        try await account.subscribe(try account.publish("exp", title: "Expiré", items: SyncPullTests.items("E", 0..<2)))
        let client = TTRSSClient(apiURL: account.server.url + "api/", user: account.login, password: account.password,
                                 fetcher: FeedFetcher())
        try await client.login()
        let first = try #require(await client.sessionID)
        try await account.endSession(first)
        let subscriptions = try await client.subscriptions()
        #expect(subscriptions.feeds.count == 1)
        let second = try #require(await client.sessionID)
        #expect(second != first)
        // login, getFeeds refused, login again, getFeeds, getCategories.
        #expect(await client.requestCount == 5)
    }

    @Test("A server that ends every session at once: one new login, then a clear failure")
    func sessionEndsAgain() async throws {
        let logins = Counter()
        let server = try LocalHTTPServer { request in
            if String(decoding: request.body, as: UTF8.self).contains(#""op":"login""#) {
                logins.add()
                return HTTPReply(text: #"{"seq":0,"status":0,"content":{"session_id":"s\#(logins.value)","api_level":15}}"#)
            }
            return HTTPReply(text: #"{"seq":0,"status":1,"content":{"error":"NOT_LOGGED_IN"}}"#)
        }
        let client = TTRSSClient(apiURL: server.url("/api/").absoluteString, user: "marie", password: "s3cret", fetcher: FeedFetcher())
        await #expect(throws: SyncError.self) { try await client.subscriptions() }
        #expect(logins.value == 2)
        // The password went in the login's body, never in a URL.
        #expect(server.requests.allSatisfy { !$0.target.contains("s3cret") })
    }

    @Test("A password in a config file every user can read is warned about; password_command is not")
    func worldReadablePassword() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let home = try SyncHome(account)
        try "[sync]\nurl = \"\(account.server.url)\"\nuser = \"\(account.login)\"\npassword = \"\(account.password)\"\n"
            .write(to: home.config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home.config.path)
        let check = try await home.run(["config", "check"])
        #expect(check.stdout.contains("config.toml:4: every user of this machine can read the sync password here")
                || check.stderr.contains("config.toml:4: every user of this machine can read the sync password here"), "\(check)")
        #expect(!check.stdout.contains(account.password) && !check.stderr.contains(account.password))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home.config.path)
        #expect(try await home.run(["config", "check"]).status == 0)
        #expect(try await home.sync().requests > 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
