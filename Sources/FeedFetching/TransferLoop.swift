import CCurl
import Foundation
import Localization

/// The one thread that drives every HTTP transfer of a fetcher, through one libcurl multi handle (shared
/// connections, HTTP/2 multiplexing, one `curl_multi_poll` for all sockets). Callers stay `async`: `run` hands an
/// attempt (a TransferChain) to the thread and suspends until the thread resumes it with the last hop's outcome.
/// The thread starts with the first attempt and ends when none is left, so an idle fetcher holds no thread; the
/// multi handle and its connection cache stay for the next one.
///
/// The loop also bounds the attempts at once: `maxConcurrent` in all and `maxPerHost` against one host, the others
/// waiting in arrival order, skipping those whose host is full so one slow host never holds back the others. When an
/// attempt ends, the next one starts in the same turn of the loop. (A gate the tasks passed through before handing
/// their attempt over cost four thread hops per fetch: a warm reload of 200 feeds on one host took 220 ms, against
/// 41 ms for libcurl alone.)
final class TransferLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let maxConcurrent: Int
    private let maxPerHost: Int
    private let lock = NSLock()
    /// Guarded by `lock`: attempts handed over and not yet started, and whether a thread is driving.
    private var arrivals: [TransferChain] = []
    private var driving = false

    /// Opens libcurl first (once per process); fails, with libcurl's loader's own words, when it cannot be opened.
    static func make(settings: FetchSettings) -> Result<TransferLoop, FetchFailure> {
        if let problem = qn_curl_load() {
            return .failure(FetchFailure(.network, message: settings.catalogue.tr("cannot load libcurl, which qnread fetches with: %s", String(cString: problem))))
        }
        return .success(TransferLoop(settings: settings))
    }

    private init(settings: FetchSettings) {
        multi = qn_multi_init()!  // nil only when out of memory
        maxConcurrent = settings.maxConcurrent
        maxPerHost = settings.maxPerHost
        // Bounds on sockets, as the loop's are on attempts: a redirect to a shared host stays polite too.
        qn_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, settings.maxPerHost)
        qn_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, settings.maxConcurrent)
        qn_multi_setopt_long(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
    }

    deinit { qn_multi_cleanup(multi) }

    /// Runs one attempt, redirects included, to its end; a cancelled task ends it at the loop's next turn.
    func run(_ chain: TransferChain) async -> (TransferOutcome, RedirectTrail) {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                chain.await(continuation)
                hand(chain)
            }
        } onCancel: {
            chain.cancel()
            qn_multi_wakeup(multi)
        }
    }

    private func hand(_ chain: TransferChain) {
        let start = lock.withLock { () -> Bool in
            arrivals.append(chain)
            defer { driving = true }
            return !driving
        }
        if start {
            let thread = Thread { self.drive() }
            thread.name = "qnread.transfers"
            thread.start()
        } else {
            qn_multi_wakeup(multi)
        }
    }

    /// The thread's body: admit what arrived as slots allow, let libcurl move every transfer on, follow or finish
    /// those done, wait for sockets, timers or a wake-up; return when nothing is left.
    private func drive() {
        var active: [UnsafeMutableRawPointer: (hop: EasyTransfer, chain: TransferChain)] = [:]
        var waiting: [TransferChain] = []
        var slots = Slots(maxConcurrent: maxConcurrent, maxPerHost: maxPerHost)
        /// Starts the chain's next hop; false when the chain ended instead.
        func start(_ chain: TransferChain) -> Bool {
            guard let hop = chain.nextHop() else { return false }
            if qn_multi_add_handle(multi, hop.easy) == CURLM_OK {
                active[hop.easy] = (hop, chain)
                return true
            }
            hop.release()
            chain.finish(.failed(.other(code: Int(CURLE_FAILED_INIT.rawValue)), "cannot add the transfer"))
            return false
        }
        func admitWaiting() {
            var index = 0
            while index < waiting.count, slots.hasRoom {
                let chain = waiting[index]
                guard slots.take(chain.host) else { index += 1; continue }
                waiting.remove(at: index)
                if !start(chain) { slots.give(chain.host) }
            }
        }
        while true {
            let added = lock.withLock { () -> [TransferChain] in
                defer { arrivals = [] }
                if arrivals.isEmpty, active.isEmpty, waiting.isEmpty { driving = false }
                return arrivals
            }
            if added.isEmpty, active.isEmpty, waiting.isEmpty { return }
            waiting += added
            waiting.removeAll { chain in
                guard chain.isCancelled else { return false }
                chain.finish(.failed(.cancelled))
                return true
            }
            for (easy, running) in active where running.chain.isCancelled {
                qn_multi_remove_handle(multi, easy)
                active[easy] = nil
                running.hop.release()
                running.chain.finish(.failed(.cancelled))
                slots.give(running.chain.host)
            }
            admitWaiting()
            var running: Int32 = 0
            qn_multi_perform(multi, &running)
            var left: Int32 = 0
            var ended = false
            while let message = qn_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let done = active.removeValue(forKey: easy) else { continue }
                // Read before the removal: `message` belongs to the multi handle and dies with it.
                let code = message.pointee.data.result
                qn_multi_remove_handle(multi, easy)
                if !done.chain.follows(done.hop.finish(code)) || !start(done.chain) {
                    slots.give(done.chain.host)
                    ended = true
                }
            }
            // Freed slots go to the next attempts at once: the next turn admits them, without waiting first.
            if !ended, !active.isEmpty {
                qn_multi_poll(multi, 1000)
            }
        }
    }
}

/// The attempts running at once, in all and per host (TransferLoop's bounds).
struct Slots {
    let maxConcurrent: Int
    let maxPerHost: Int
    private var running = 0
    private var perHost: [String: Int] = [:]

    init(maxConcurrent: Int, maxPerHost: Int) {
        self.maxConcurrent = maxConcurrent
        self.maxPerHost = maxPerHost
    }

    var hasRoom: Bool { running < maxConcurrent }

    /// Takes a slot for `host`; false when the host or the total is full.
    mutating func take(_ host: String) -> Bool {
        guard running < maxConcurrent, perHost[host, default: 0] < maxPerHost else { return false }
        running += 1
        perHost[host, default: 0] += 1
        return true
    }

    mutating func give(_ host: String) {
        running -= 1
        perHost[host, default: 1] -= 1
        if perHost[host] == 0 { perHost[host] = nil }
    }
}
