import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real Tiny Tiny RSS the sync tests talk to, started (installed if need be, as root) by scripts/ttrss-server:
/// its URL, its database, and the folder its feed server reads. Each test gets an account of its own
/// (`makeAccount`), so tests running at once never see each other's feeds or marks.
struct TTRSSServer: Sendable {
    let url: String
    let databaseURL: String
    let feedsDirectory: URL
    let feedHost: String

    /// Started once for the whole test run; a failure to start fails every sync test with the script's words.
    static let shared: Result<TTRSSServer, TTRSSError> = start()

    static func running() throws -> TTRSSServer { try shared.get() }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/ttrss-server")
    }

    private static func start() -> Result<TTRSSServer, TTRSSError> {
        let result: (status: Int32, output: String)
        do {
            result = try run([script.path, "env"])
        } catch {
            return .failure(TTRSSError("cannot run \(script.path): \(error)"))
        }
        guard result.status == 0 else { return .failure(TTRSSError("scripts/ttrss-server failed: \(result.output)")) }
        var values: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let url = values["TTRSS_URL"], let database = values["TTRSS_DB_URL"], let feeds = values["TTRSS_FEEDS"],
              let host = values["TTRSS_FEED_HOST"] else {
            return .failure(TTRSSError("scripts/ttrss-server env printed no TTRSS_URL: \(result.output)"))
        }
        return .success(TTRSSServer(url: url, databaseURL: database, feedsDirectory: URL(fileURLWithPath: feeds), feedHost: host))
    }

    /// Runs a program to its end; its output and errors together.
    static func run(_ argv: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs SQL in tt-rss's database; the rows, one per line, columns joined by "|".
    @discardableResult
    func sql(_ query: String) async throws -> String {
        let databaseURL = databaseURL
        let result = try await offPool { try Self.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", databaseURL, "-c", query]) }
        guard result.status == 0 else { throw TTRSSError("psql: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A new user with API access (unless `apiAccess` is false), a random name and password, and no feed.
    func makeAccount(apiAccess: Bool = true) async throws -> TTRSSAccount {
        let login = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let password = "pw-" + UUID().uuidString
        let salt = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let id = try await sql("""
            INSERT INTO ttrss_users (login, pwd_hash, salt, access_level, created)
            VALUES ('\(login)', 'MODE2:' || encode(sha256(('\(salt)' || '\(password)')::bytea), 'hex'), '\(salt)', 0, NOW())
            RETURNING id
            """)
        try await sql("""
            INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) VALUES (\(id), 'ENABLE_API_ACCESS', '\(apiAccess)')
            """)
        return TTRSSAccount(server: self, login: login, password: password, userID: Int(id) ?? 0)
    }
}

struct TTRSSError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One test's account on the server, and what "another device" does with it: subscribe, mark, unsubscribe, through
/// the same JSON API qnread uses (with URLSession, not qnread's code), and the feeds its feed server serves.
final class TTRSSAccount: @unchecked Sendable {
    let server: TTRSSServer
    let login: String
    let password: String
    let userID: Int
    private var sessionID: String?

    init(server: TTRSSServer, login: String, password: String, userID: Int) {
        self.server = server
        self.login = login
        self.password = password
        self.userID = userID
    }

    /// `content` of the answer; throws on an API error.
    @discardableResult
    func call(_ op: String, _ parameters: [String: Any] = [:]) async throws -> Any {
        nonisolated(unsafe) let parameters = parameters
        let answer = try await offPool { () -> Answer in Answer(value: try self.callWaiting(op, parameters)) }
        return answer.value
    }

    /// Carries an answer (JSON objects) across the thread `offPool` ran it on.
    private struct Answer: @unchecked Sendable { var value: Any }

    private func callWaiting(_ op: String, _ parameters: [String: Any]) throws -> Any {
        if sessionID == nil, op != "login" {
            let content = try callWaiting("login", ["user": login, "password": password]) as? [String: Any]
            sessionID = content?["session_id"] as? String
        }
        var body = parameters
        body["op"] = op
        if let sessionID { body["sid"] = sessionID }
        var request = URLRequest(url: URL(string: server.url + "api/")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let answer = try Self.send(request)
        guard let json = try JSONSerialization.jsonObject(with: answer) as? [String: Any],
              let status = json["status"] as? Int else { throw TTRSSError("\(op): not an API answer") }
        guard status == 0 else { throw TTRSSError("\(op): \(json["content"] ?? "")") }
        return json["content"] ?? NSNull()
    }

    private static func send(_ request: URLRequest) throws -> Data {
        let box = AnswerBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            box.data = data
            box.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = box.error { throw error }
        return box.data ?? Data()
    }

    /// Writes a feed of these items (title, then body) as NAME.xml for the feed server; returns its URL as
    /// tt-rss subscribes to it.
    @discardableResult
    func publish(_ name: String, title: String, items: [(guid: String, title: String, body: String)]) throws -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>"#
        xml += "<title>\(title)</title><link>https://\(name).example/</link>"
        for (index, item) in items.enumerated() {
            // Each item a minute older than the one before, so the server keeps their order.
            let date = Date(timeIntervalSince1970: 1_764_590_400 - Double(index) * 60)
            xml += "<item><guid>\(item.guid)</guid><title>\(item.title)</title><link>https://\(name).example/\(item.guid)</link>"
            xml += "<pubDate>\(Self.rfc822(date))</pubDate><description><![CDATA[\(item.body)]]></description></item>"
        }
        xml += "</channel></rss>"
        let file = "\(login)-\(name).xml"
        try xml.write(to: server.feedsDirectory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return "http://\(server.feedHost)/\(file)"
    }

    private static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// Subscribes on the server (in `category`, created if needed) and has it fetch the feed now; the feed's id.
    @discardableResult
    func subscribe(_ url: String, category: String? = nil) async throws -> Int {
        try await call("subscribeToFeed", ["feed_url": url])
        let id = try await feedID(url)
        if let category {
            let existing = try await server.sql("SELECT id FROM ttrss_feed_categories WHERE owner_uid = \(userID) AND title = '\(category)'")
            let categoryID = existing.isEmpty
                ? try await server.sql("INSERT INTO ttrss_feed_categories (owner_uid, title) VALUES (\(userID), '\(category)') RETURNING id")
                : existing
            try await server.sql("UPDATE ttrss_feeds SET cat_id = \(categoryID) WHERE id = \(id)")
        }
        try await update(id)
        return id
    }

    /// Has the server fetch the feed again now.
    func update(_ feedID: Int) async throws {
        try await call("updateFeed", ["feed_id": feedID])
    }

    func feedID(_ url: String) async throws -> Int {
        let feeds = try await call("getFeeds", ["cat_id": -3]) as? [[String: Any]] ?? []
        guard let id = feeds.first(where: { $0["feed_url"] as? String == url })?["id"] as? Int else {
            throw TTRSSError("\(url) is not subscribed")
        }
        return id
    }

    var subscribedURLs: Set<String> {
        get async throws {
            Set((try await call("getFeeds", ["cat_id": -3]) as? [[String: Any]] ?? []).compactMap { $0["feed_url"] as? String })
        }
    }

    /// Every article of the account on the server: id → (title, unread, starred).
    func articles() async throws -> [Int: (title: String, unread: Bool, starred: Bool)] {
        var all: [Int: (title: String, unread: Bool, starred: Bool)] = [:]
        var skip = 0
        while true {
            let page = try await call("getHeadlines", ["feed_id": -4, "limit": 200, "skip": skip, "show_content": false]) as? [[String: Any]] ?? []
            for headline in page {
                guard let id = headline["id"] as? Int else { continue }
                all[id] = (headline["title"] as? String ?? "", headline["unread"] as? Bool ?? false, headline["marked"] as? Bool ?? false)
            }
            guard page.count == 200 else { return all }
            skip += 200
        }
    }

    /// Another device marks these articles: field 2 unread, 0 starred.
    func set(_ ids: [Int], unread: Bool? = nil, starred: Bool? = nil) async throws {
        let list = ids.map(String.init).joined(separator: ",")
        if let unread { try await call("updateArticle", ["article_ids": list, "field": 2, "mode": unread ? 1 : 0]) }
        if let starred { try await call("updateArticle", ["article_ids": list, "field": 0, "mode": starred ? 1 : 0]) }
    }

    /// The session vanishes from the server, as when it expires.
    func endSession(_ id: String) async throws {
        try await server.sql("DELETE FROM ttrss_sessions WHERE id = '\(id.filter { $0.isLetter || $0.isNumber })'")
    }
}

private final class AnswerBox: @unchecked Sendable {
    var data: Data?
    var error: Error?
}
