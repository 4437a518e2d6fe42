import CCurl
import Foundation

// libcurl's result codes, read once at the edge so the rest of FeedFetching never sees a CURLcode.
extension TransportError {
    /// `connected`: a connection was made (CURLINFO_CONNECT_TIME_T > 0). `elapsed` and `timeLimit` tell the total
    /// timeout from the connect timeout, which share CURLE_OPERATION_TIMEDOUT. `systemError` is the errno of a failed
    /// connect (CURLINFO_OS_ERRNO): libcurl 7.88's own text says "Couldn't connect to server" for all of them.
    init(_ code: CURLcode, detail: String, connected: Bool, elapsed: TimeInterval, timeLimit: TimeInterval,
         systemError: Int32) {
        self.detail = detail
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            // The low-speed check's text has read "Operation too slow." since libcurl 7.x's first releases.
            if detail.hasPrefix("Operation too slow") {
                reason = .tooSlow
            } else if !connected, elapsed < timeLimit - 0.05 {
                reason = .noConnectionInTime
            } else {
                reason = .timedOut
            }
        case CURLE_COULDNT_RESOLVE_HOST: reason = .hostNotFound
        case CURLE_COULDNT_RESOLVE_PROXY: reason = .proxyNotFound
        case CURLE_COULDNT_CONNECT:
            reason = systemError == ECONNREFUSED ? .refused : .cannotConnect
            if systemError != 0 { self.detail = String(cString: strerror(systemError)) }
        case CURLE_PEER_FAILED_VERIFICATION: reason = .untrustedCertificate
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            reason = .tls
        case CURLE_PARTIAL_FILE: reason = .closedMidBody
        case CURLE_GOT_NOTHING: reason = .closedWithoutAnswer
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM: reason = .connectionLost
        case CURLE_WEIRD_SERVER_REPLY, CURLE_UNSUPPORTED_PROTOCOL: reason = .notHTTP
        case CURLE_BAD_CONTENT_ENCODING: reason = .badContentEncoding
        case CURLE_FILESIZE_EXCEEDED: reason = .announcedTooLarge
        case CURLE_URL_MALFORMAT: reason = .badURL
        default: reason = .other(code: Int(code.rawValue))
        }
    }
}
