import FeedModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns what a transfer produced into a `FetchResult`: status codes, validators, permanence of redirects,
/// unchanged bodies, and a one-line message for every failure. Pure.
enum HTTPVerdict {
    static func judge(_ outcome: TransferOutcome, request: FetchRequest, url: URL) -> FetchResult {
        let status = outcome.response?.statusCode
        let movedTo = permanentTarget(of: outcome.redirects)
        func result(_ value: FetchResult.Outcome) -> FetchResult {
            FetchResult(request: request, outcome: value, movedTo: movedTo, httpStatus: status)
        }
        if let abort = outcome.abort { return result(.failed(abort)) }
        if let error = outcome.error { return result(.failed(failure(for: error, status: status))) }
        guard let response = outcome.response else {
            return result(.failed(FetchFailure(.network, message: "no response from the server")))
        }
        let code = response.statusCode
        let etag = response.value(forHTTPHeaderField: "ETag")
        let lastModified = response.value(forHTTPHeaderField: "Last-Modified")
        switch code {
        case 304:
            var validators = request.validators
            if let etag { validators.etag = etag }
            if let lastModified { validators.lastModified = lastModified }
            return result(.notModified(validators, reason: .http304))
        case 200..<300:
            let validators = FeedValidators(etag: etag, lastModified: lastModified,
                                             bodyHash: BodyDigest.hex(outcome.body))
            if validators.bodyHash == request.validators.bodyHash {
                return result(.notModified(validators, reason: .sameBody))
            }
            let type = ContentType(response.value(forHTTPHeaderField: "Content-Type"))
            return result(.body(FetchedBody(data: outcome.body, finalURL: response.url ?? url, mediaType: type.mediaType,
                                            charset: type.charset, validators: validators)))
        case 410:
            return result(.failed(FetchFailure(.gone, httpStatus: 410, message: "HTTP 410 Gone: the feed was removed for good")))
        default:
            let reason = HTTPURLResponse.localizedString(forStatusCode: code)
            return result(.failed(FetchFailure(.http, httpStatus: code, message: "HTTP \(code) \(reason)")))
        }
    }

    /// The last hop's URL when every hop was permanent (301, 308); a temporary hop keeps the old URL.
    static func permanentTarget(of redirects: [(status: Int, to: URL)]) -> String? {
        guard let last = redirects.last, redirects.allSatisfy({ $0.status == 301 || $0.status == 308 }) else { return nil }
        return last.to.absoluteString
    }

    static func failure(for error: URLError, status: Int?) -> FetchFailure {
        let message: String
        switch error.code {
        case .timedOut: return FetchFailure(.timeout, httpStatus: status, message: "timed out waiting for the server")
        case .cannotFindHost, .dnsLookupFailed: message = "host not found"
        case .cannotConnectToHost: message = "connection refused"
        case .networkConnectionLost: message = "the connection was lost"
        case .notConnectedToInternet: message = "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot: message = "TLS failed: \(error.code.rawValue)"
        case .badServerResponse: message = "the server's answer is not valid HTTP"
        case .httpTooManyRedirects: return FetchFailure(.tooManyRedirects, httpStatus: status, message: "too many redirects")
        case .cancelled: message = "cancelled"
        case .unsupportedURL: return FetchFailure(.badURL, message: "unsupported URL")
        default: message = "network error \(error.code.rawValue)"
        }
        return FetchFailure(.network, httpStatus: status, message: message)
    }
}
