import FeedFetching
import Foundation
import Localization
import TextSafety

/// One session with a Tiny Tiny RSS server's JSON API (`url` + `api/`), over FeedFetcher's libcurl transport: a
/// POST of `{"op": …, "sid": …}` per call. Logs in when first needed (a session kept from the last sync is tried
/// first); a session the server forgot (`NOT_LOGGED_IN`) is opened again once per call. The password is asked for
/// only when a login is needed, and travels in the body of the login request only: never in a URL, an argument
/// list, a message or a log.
actor TTRSSClient {
    private let apiURL: String
    private let user: String
    private let password: @Sendable () throws -> String
    private let fetcher: FeedFetcher
    /// Internal for the session-expiry test, which makes the server forget it.
    private(set) var sessionID: String?
    /// Requests sent, logins included: a sync with nothing new should cost a few.
    private(set) var requestCount = 0

    init(apiURL: String, user: String, password: @escaping @Sendable () throws -> String, fetcher: FeedFetcher,
         sessionID: String? = nil) {
        self.apiURL = apiURL
        self.user = user
        self.password = password
        self.fetcher = fetcher
        self.sessionID = sessionID
    }

    init(apiURL: String, user: String, password: String, fetcher: FeedFetcher) {
        self.init(apiURL: apiURL, user: user, password: { password }, fetcher: fetcher)
    }

    /// A session kept from an earlier sync, tried before any login.
    func resume(_ session: String?) {
        if sessionID == nil { sessionID = session }
    }

    /// Logs in unless a session is at hand, so that calls made at once do not each log in.
    func ensureSession() async throws(SyncError) {
        if sessionID == nil { try await login() }
    }

    /// `content` of a successful answer to `op`.
    func call(_ op: String, _ parameters: [String: TTRSSParameter] = [:]) async throws(SyncError) -> JSONValue {
        if sessionID == nil { try await login() }
        do {
            return try await exchange(op, parameters)
        } catch is SessionEnded {
            try await login()
            do {
                return try await exchange(op, parameters)
            } catch is SessionEnded {
                throw SyncError(.server, N_("Tiny Tiny RSS at %s ended the session again right after a login (%s)"), shownURL, op)
            } catch let error as SyncError {
                throw error
            } catch {
                throw SyncError(.server, error: error)
            }
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.server, error: error)
        }
    }

    func login() async throws(SyncError) {
        sessionID = nil
        let secret: String
        do {
            secret = try password()
        } catch {
            throw SyncError(.local, error: error)
        }
        let content: JSONValue
        do {
            content = try await exchange("login", ["user": .string(user), "password": .string(secret)], withSession: false)
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.server, error: error)
        }
        guard let id = content["session_id"]?.string, !id.isEmpty else {
            throw SyncError(.notTTRSS, N_("%s answered the login without a session: is it a Tiny Tiny RSS server?"), shownURL)
        }
        sessionID = id
    }

    private struct SessionEnded: Error {}

    private nonisolated var shownURL: String { URLText.printable(apiURL) }

    /// One request with the current session. The exchange itself runs off the actor, so that pages asked for at
    /// once are sent, received and parsed at once.
    private func exchange(_ op: String, _ parameters: [String: TTRSSParameter], withSession: Bool = true) async throws -> JSONValue {
        requestCount += 1
        return try await send(op, parameters, session: withSession ? sessionID : nil)
    }

    private nonisolated func send(_ op: String, _ parameters: [String: TTRSSParameter], session: String?) async throws -> JSONValue {
        var fields: [String: Any] = ["op": op]
        if let session { fields["sid"] = session }
        for (key, value) in parameters { fields[key] = value.jsonObject }
        let body = try JSONSerialization.data(withJSONObject: fields)
        let result = await fetcher.post(apiURL, body: body, headers: ["Content-Type: application/json", "Accept: application/json"])
        let answer: FetchedBody
        switch result.outcome {
        case .body(let fetched): answer = fetched
        case .notModified: answer = FetchedBody(data: Data(), finalURL: URL(string: apiURL)!, validators: .init())
        case .failed(let failure):
            if failure.kind == .http || failure.kind == .gone {
                throw SyncError(.notTTRSS, N_("%s answered %s: is sync.url the Tiny Tiny RSS address (the API is that address + api/)?"),
                                shownURL, failure.message)
            }
            throw SyncError(.unreachable, N_("cannot reach Tiny Tiny RSS at %s: %s"), shownURL, failure.message)
        }
        guard let json = JSONValue.parse(answer.data) else {
            if Self.looksLikeHTML(answer) {
                throw SyncError(.notTTRSS, N_("%s answered with an HTML page, not Tiny Tiny RSS's JSON: check sync.url"), shownURL)
            }
            throw SyncError(.invalidAnswer, N_("the answer of %s to %s is not valid JSON (%s bytes): nothing was changed"), shownURL, op,
                            String(answer.data.count))
        }
        guard let status = json["status"]?.int, let content = json["content"] else {
            throw SyncError(.notTTRSS, N_("%s is not a Tiny Tiny RSS API: its answer has no status and content"), shownURL)
        }
        guard status != 0 else { return content }
        let code = content["error"]?.string ?? "UNKNOWN_ERROR"
        switch code {
        case "NOT_LOGGED_IN" where session != nil:
            throw SessionEnded()
        case "LOGIN_ERROR":
            throw SyncError(.login, N_("Tiny Tiny RSS at %s refused the login of %s: wrong user name or password"), shownURL, user)
        case "API_DISABLED":
            throw SyncError(.apiDisabled, N_("API access is disabled for %1$s on Tiny Tiny RSS at %2$s: log in to its web page as %1$s, tick Preferences → General → “Enable API access”, save, then sync again"),
                            user, shownURL)
        default:
            throw SyncError(.server, N_("Tiny Tiny RSS at %s refused %s: %s"), shownURL, op, code)
        }
    }

    private static func looksLikeHTML(_ body: FetchedBody) -> Bool {
        if body.mediaType == "text/html" || body.mediaType == "application/xhtml+xml" { return true }
        let start = body.data.prefix(512).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return start.first == UInt8(ascii: "<")
    }
}

/// A value in an API request.
enum TTRSSParameter: Sendable {
    case string(String)
    case int(Int64)
    case bool(Bool)

    var jsonObject: Any {
        switch self {
        case .string(let text): text
        case .int(let number): number
        case .bool(let flag): flag
        }
    }
}
