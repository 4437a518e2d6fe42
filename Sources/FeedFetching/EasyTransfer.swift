import CCurl
import Foundation

/// One HTTP request (one hop of a TransferChain) through libcurl: its easy handle and the limits its callbacks
/// enforce while the bytes arrive. Made, run and finished on the transfer loop's thread only. The body cap counts
/// decoded bytes in the write callback and stops the transfer there, so a gzip bomb or an endless body costs at
/// most the cap (FoundationNetworking's delegate saw the bytes only after it had buffered them: 12 GB for an
/// endless body, 2.3 GB for a 2 MB gzip bomb).
final class EasyTransfer {
    struct Request: Sendable {
        var url: String
        /// `Name: value` lines beyond the User-Agent.
        var headers: [String]
        var settings: FetchSettings
        /// What is left of the fetch's total time (earlier hops used the rest).
        var timeLimit: TimeInterval
        /// Sent as a POST when set (a server aggregator's API); a feed is always a GET.
        var body: Data? = nil
        /// Where a 2xx body goes instead of memory (a download): bytes as the server sent them, no content coding.
        var sink: BodySink? = nil
    }

    let easy: UnsafeMutableRawPointer
    private let request: Request
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var head = ResponseHead()
    private var headerBytes = 0
    private var bodyStarted = false
    private var body = Data()
    private var abort: FetchFailure?

    /// Nil when libcurl cannot make a handle (out of memory). Only a TransferLoop's thread makes one, and a
    /// TransferLoop exists once libcurl is loaded.
    init?(_ request: Request) {
        guard let easy = qn_easy_init() else { return nil }
        self.easy = easy
        self.request = request
        errorBuffer.initialize(to: 0)
        configure()
    }

    /// Frees the handle, which is out of the multi handle (or was never in it).
    func release() {
        qn_easy_cleanup(easy)
        qn_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure() {
        let settings = request.settings
        qn_easy_setopt_string(easy, CURLOPT_URL, request.url)
        qn_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        // No signals from a thread that is not the main one (libcurl would use SIGALRM for DNS timeouts).
        qn_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        // Redirects are the chain's (TransferChain: one transfer per hop), to see each hop's status.
        qn_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        // "": offer every encoding this libcurl decodes (gzip, deflate, br, zstd); the write callback sees them decoded.
        // Not for a download: a Range counts the bytes of the file, so they must arrive as they are stored.
        if request.sink == nil { qn_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "") }
        qn_easy_setopt_string(easy, CURLOPT_USERAGENT, settings.userAgent)
        if let body = request.body {
            // Set before the fields: libcurl copies that many bytes, so `body` need not outlive this call.
            qn_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { qn_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
        }
        for line in request.headers { headerList = qn_slist_append(headerList, line) }
        qn_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
        qn_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout))
        qn_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeLimit))
        if settings.lowSpeedBytesPerSecond > 0 {
            qn_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedBytesPerSecond)
            qn_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, settings.lowSpeedSeconds)
        }
        // A Content-Length over the cap ends the transfer before the body (the write callback catches the rest). A
        // download's sink judges the whole file's size instead (a resumed one's Content-Length is only the rest).
        if request.sink == nil { qn_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.maxBodyBytes)) }
        // HTTP/2 servers: a second transfer waits for the first one's TLS handshake, and shares its connection when
        // ALPN chose h2. Plain http:// is HTTP/1.1 only, where waiting would only serialize the transfers.
        if request.url.lowercased().hasPrefix("https:") { qn_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1) }
        // The proxy's "200 Connection established" is not the server's answer.
        qn_easy_setopt_long(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        qn_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        let context = Unmanaged.passUnretained(self).toOpaque()
        qn_easy_setopt_write(easy, CURLOPT_WRITEFUNCTION) { bytes, size, count, context in
            Unmanaged<EasyTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receiveBody(UnsafeRawBufferPointer(start: UnsafeRawPointer(bytes), count: size * count))
        }
        qn_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        qn_easy_setopt_write(easy, CURLOPT_HEADERFUNCTION) { bytes, size, count, context in
            Unmanaged<EasyTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receiveHeader(UnsafeRawBufferPointer(start: UnsafeRawPointer(bytes), count: size * count))
        }
        qn_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
    }

    /// Handing back any other count than the one given stops the transfer (CURLE_WRITE_ERROR).
    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if let sink = request.sink { return receiveDownload(bytes, sink: sink) }
        if !bodyStarted {
            bodyStarted = true
            // A plain body says its size: one allocation instead of a doubling series.
            if head.value("Content-Encoding") == nil, let length = head.contentLength {
                body.reserveCapacity(min(length, request.settings.maxBodyBytes))
            }
        }
        guard body.count + bytes.count <= request.settings.maxBodyBytes else {
            abort = abort ?? .bodyCap(request.settings, status: head.status)
            return 0
        }
        if let start = bytes.baseAddress { body.append(start.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        return bytes.count
    }

    /// A 2xx body goes to the sink, which enforces its own limits; any other body (an error page, a redirect's)
    /// is read and dropped.
    private func receiveDownload(_ bytes: UnsafeRawBufferPointer, sink: BodySink) -> Int {
        guard (200..<300).contains(head.status) else { return bytes.count }
        if !bodyStarted {
            bodyStarted = true
            if let failure = sink.begin(head) {
                abort = abort ?? failure
                return 0
            }
        }
        if let failure = sink.write(bytes) {
            abort = abort ?? failure
            return 0
        }
        return bytes.count
    }

    /// Every line counts towards the header cap, trailers and interim responses included; a line after the body
    /// has started (a chunked trailer) is counted and otherwise ignored.
    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        headerBytes += bytes.count
        guard headerBytes <= request.settings.maxHeaderBytes else {
            abort = abort ?? .headerCap(request.settings, status: head.status)
            return 0
        }
        if !bodyStarted { head.add(line: bytes) }
        return bytes.count
    }

    /// Once, with the handle out of the multi handle: reads what libcurl knows, then frees the handle.
    func finish(_ code: CURLcode) -> TransferOutcome {
        defer { release() }
        return outcome(code)
    }

    private func outcome(_ code: CURLcode) -> TransferOutcome {
        var outcome = TransferOutcome(head: head, body: body, answered: headerBytes > 0, abort: abort)
        body = Data()
        var redirect: UnsafeMutablePointer<CChar>?
        if qn_easy_getinfo_string(easy, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK, let redirect {
            outcome.redirectURL = String(cString: redirect)
        }
        guard code != CURLE_OK else { return outcome }
        var connectTime: curl_off_t = 0, totalTime: curl_off_t = 0
        qn_easy_getinfo_off(easy, CURLINFO_CONNECT_TIME_T, &connectTime)
        qn_easy_getinfo_off(easy, CURLINFO_TOTAL_TIME_T, &totalTime)
        var systemError = 0
        qn_easy_getinfo_long(easy, CURLINFO_OS_ERRNO, &systemError)
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: qn_easy_strerror(code))
        outcome.error = TransportError(code, detail: detail, connected: connectTime > 0,
                                       elapsed: TimeInterval(totalTime) / 1_000_000, timeLimit: request.timeLimit,
                                       systemError: Int32(truncatingIfNeeded: systemError))
        return outcome
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded(.up)))
    }
}
