import Localization

/// The reason phrase qnread prints after a status code: its own, never the server's (which is hostile text), in the
/// catalogue's language (`HTTP 404 Not Found`, `HTTP 404 Introuvable`).
enum HTTPStatusText {
    static func reason(_ status: Int, in words: Catalogue = .english) -> String {
        switch status {
        case 300: words.trc("HTTP status", "Multiple Choices")
        case 301: words.trc("HTTP status", "Moved Permanently")
        case 302: words.trc("HTTP status", "Found")
        case 303: words.trc("HTTP status", "See Other")
        case 305: words.trc("HTTP status", "Use Proxy")
        case 307: words.trc("HTTP status", "Temporary Redirect")
        case 308: words.trc("HTTP status", "Permanent Redirect")
        case 400: words.trc("HTTP status", "Bad Request")
        case 401: words.trc("HTTP status", "Unauthorized")
        case 402: words.trc("HTTP status", "Payment Required")
        case 403: words.trc("HTTP status", "Forbidden")
        case 404: words.trc("HTTP status", "Not Found")
        case 405: words.trc("HTTP status", "Method Not Allowed")
        case 406: words.trc("HTTP status", "Not Acceptable")
        case 407: words.trc("HTTP status", "Proxy Authentication Required")
        case 408: words.trc("HTTP status", "Request Timeout")
        case 409: words.trc("HTTP status", "Conflict")
        case 410: words.trc("HTTP status", "Gone")
        case 412: words.trc("HTTP status", "Precondition Failed")
        case 414: words.trc("HTTP status", "URI Too Long")
        case 415: words.trc("HTTP status", "Unsupported Media Type")
        case 418: words.trc("HTTP status", "I'm a teapot")
        case 421: words.trc("HTTP status", "Misdirected Request")
        case 426: words.trc("HTTP status", "Upgrade Required")
        case 429: words.trc("HTTP status", "Too Many Requests")
        case 431: words.trc("HTTP status", "Request Header Fields Too Large")
        case 451: words.trc("HTTP status", "Unavailable For Legal Reasons")
        case 500: words.trc("HTTP status", "Internal Server Error")
        case 501: words.trc("HTTP status", "Not Implemented")
        case 502: words.trc("HTTP status", "Bad Gateway")
        case 503: words.trc("HTTP status", "Service Unavailable")
        case 504: words.trc("HTTP status", "Gateway Timeout")
        case 505: words.trc("HTTP status", "HTTP Version Not Supported")
        case 100..<200: words.trc("HTTP status", "Informational")
        case 200..<300: words.trc("HTTP status", "Success")
        case 300..<400: words.trc("HTTP status", "Redirection")
        case 400..<500: words.trc("HTTP status", "Client Error")
        case 500..<600: words.trc("HTTP status", "Server Error")
        default: words.trc("HTTP status", "Unknown Status")
        }
    }
}
