import FeedModel
import Foundation
import Localization
import TextSafety

/// Turns what the hops of a fetch produced into a `FetchResult`: status codes, validators, permanence of
/// redirects, unchanged bodies, and a one-line message for every failure. Pure.
enum HTTPVerdict {
    static func judge(_ outcome: TransferOutcome, trail: RedirectTrail, request: FetchRequest,
                      settings: FetchSettings) -> FetchResult {
        let head = outcome.head
        let status = head.status > 0 ? head.status : nil
        func result(_ value: FetchResult.Outcome) -> FetchResult {
            FetchResult(request: request, outcome: value, movedTo: trail.permanentTarget, httpStatus: status)
        }
        if let abort = outcome.abort { return result(.failed(abort)) }
        if let error = outcome.error { return result(.failed(failure(for: error, outcome: outcome, settings: settings))) }
        let words = settings.catalogue
        guard let code = status else {
            return result(.failed(FetchFailure(.network, message: words.tr("no response from the server"))))
        }
        let etag = head.value("ETag")
        let lastModified = head.value("Last-Modified")
        switch code {
        case 304:
            var validators = request.validators
            if let etag { validators.etag = etag }
            if let lastModified { validators.lastModified = lastModified }
            return result(.notModified(validators, reason: .http304))
        case 200..<300:
            let validators = FeedValidators(etag: etag, lastModified: lastModified, bodyHash: BodyDigest.hex(outcome.body))
            if validators.bodyHash == request.validators.bodyHash {
                return result(.notModified(validators, reason: .sameBody))
            }
            let type = ContentType(head.value("Content-Type"))
            return result(.body(FetchedBody(data: outcome.body, finalURL: trail.current, mediaType: type.mediaType,
                                            charset: type.charset, validators: validators)))
        case 410:
            return result(.failed(FetchFailure(.gone, httpStatus: 410, message: words.tr("HTTP 410 Gone: the feed was removed for good"))))
        default:
            let reason = HTTPStatusText.reason(code, in: words)
            return result(.failed(FetchFailure(.http, httpStatus: code, message: "HTTP \(code) \(reason)")))
        }
    }

    static func failure(for error: TransportError, outcome: TransferOutcome, settings: FetchSettings) -> FetchFailure {
        let status = outcome.head.status > 0 ? outcome.head.status : nil
        // libcurl's words may quote what a server or a redirect sent.
        let detail = SafeText.collapsedLine(error.detail)
        func network(_ message: String) -> FetchFailure { FetchFailure(.network, httpStatus: status, message: message) }
        let words = settings.catalogue
        switch error.reason {
        case .tooSlow: return .tooSlow(settings, answered: outcome.answered)
        case .timedOut: return .totalTimeout(settings)
        case .noConnectionInTime: return .noConnection(settings)
        case .hostNotFound: return network(words.tr("host not found"))
        case .proxyNotFound: return network(words.tr("proxy not found"))
        case .refused: return network(words.tr("connection refused"))
        case .cannotConnect: return network(words.tr("cannot connect (%s)", detail))
        case .untrustedCertificate:
            let problem = detail.replacingOccurrences(of: "SSL certificate problem: ", with: "")
            return network(words.tr("TLS certificate not trusted (%s): refused", problem))
        case .tls: return network(words.tr("TLS failed (%s)", detail))
        case .closedMidBody:
            guard let length = outcome.head.contentLength, outcome.head.value("Content-Encoding") == nil else {
                return network(words.tr("the connection closed before the end of the body"))
            }
            return network(words.tr("the connection closed after %s of %s", FetchFailure.bytes(outcome.body.count, in: words),
                                    FetchFailure.bytes(length, in: words)))
        case .closedWithoutAnswer: return network(words.tr("the server closed the connection without answering"))
        case .connectionLost: return network(words.tr("the connection was lost"))
        case .notHTTP: return network(words.tr("the server's answer is not valid HTTP"))
        case .badContentEncoding:
            let encoding = SafeText.collapsedLine(outcome.head.value("Content-Encoding") ?? "compressed")
            return network(words.tr("the body is not valid %s", encoding))
        case .announcedTooLarge:
            guard let length = outcome.head.contentLength else { return .bodyCap(settings, status: status) }
            return .announced(length, settings, status: status)
        case .badURL: return FetchFailure(.badURL, message: words.tr("unsupported URL"))
        case .cancelled: return network(words.tr("cancelled"))
        case .other(let code): return network(words.tr("network error %s (%s)", String(code), detail))
        }
    }
}
