import Foundation

/// What one request produced (one hop: redirects are followed by the fetcher), before it is judged.
struct TransferOutcome: Sendable {
    /// The final response's status and headers; status 0 when none arrived.
    var head = ResponseHead()
    var body = Data()
    /// Where a 3xx pointed, made absolute by libcurl.
    var redirectURL: String?
    /// Whether any byte of a response arrived (a silent server and a slow one get different messages).
    var answered = false
    /// A limit qnread's own callbacks enforced (body or header cap); it wins over libcurl's error.
    var abort: FetchFailure?
    /// How libcurl ended the transfer, when not well.
    var error: TransportError?

    /// Before any byte was asked for: the fetch was cancelled, or libcurl could not start the transfer.
    static func failed(_ reason: TransportError.Reason, _ detail: String = "") -> TransferOutcome {
        TransferOutcome(error: TransportError(reason: reason, detail: detail))
    }
}

/// How a libcurl transfer ended when it did not end well, in the terms qnread's messages need. Built from libcurl's
/// result code at the edge (TransportError+Curl.swift); turned into a FetchFailure by HTTPVerdict.
struct TransportError: Sendable, Hashable {
    enum Reason: Sendable, Hashable {
        /// Under the low-speed limit for its whole window.
        case tooSlow
        /// The total time limit of the fetch.
        case timedOut
        case noConnectionInTime
        case hostNotFound
        case proxyNotFound
        case refused
        case cannotConnect
        /// The server's certificate did not verify (self-signed, expired, another name, unknown issuer).
        case untrustedCertificate
        case tls
        /// Fewer bytes than `Content-Length` (or no final chunk) when the connection closed.
        case closedMidBody
        case closedWithoutAnswer
        case connectionLost
        case notHTTP
        case badContentEncoding
        /// `Content-Length` over the cap (CURLOPT_MAXFILESIZE).
        case announcedTooLarge
        case badURL
        case cancelled
        case other(code: Int)
    }

    var reason: Reason
    /// libcurl's own words (its error buffer), for the reasons whose message shows them.
    var detail = ""
}
