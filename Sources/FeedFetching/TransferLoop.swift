import CCurl
import Foundation
import Localization

/// The one thread that drives every HTTP transfer of a fetcher, through one libcurl multi handle (shared
/// connections, HTTP/2 multiplexing, one `curl_multi_poll` for all sockets). Callers stay `async`: `run` hands an
/// attempt (a TransferChain) to the thread and suspends until the thread resumes it with the last hop's outcome.
/// The thread starts with the first attempt and ends when none is left, so an idle fetcher holds no thread; the
/// multi handle and its connection cache stay for the next one.
final class TransferLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
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
        // Bounds on sockets, not transfers (FetchGate bounds those): a redirect to a shared host stays polite too.
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

    /// The thread's body: start what arrived, let libcurl move every transfer on, follow or finish those done,
    /// wait for sockets, timers or a wake-up; return when nothing is left.
    private func drive() {
        var active: [UnsafeMutableRawPointer: (hop: EasyTransfer, chain: TransferChain)] = [:]
        func start(_ chain: TransferChain) {
            guard let hop = chain.nextHop() else { return }
            if qn_multi_add_handle(multi, hop.easy) == CURLM_OK {
                active[hop.easy] = (hop, chain)
            } else {
                hop.release()
                chain.finish(.failed(.other(code: Int(CURLE_FAILED_INIT.rawValue)), "cannot add the transfer"))
            }
        }
        while true {
            let added = lock.withLock { () -> [TransferChain] in
                defer { arrivals = [] }
                if arrivals.isEmpty, active.isEmpty { driving = false }
                return arrivals
            }
            if added.isEmpty, active.isEmpty { return }
            for chain in added {
                if chain.isCancelled { chain.finish(.failed(.cancelled)) } else { start(chain) }
            }
            for (easy, running) in active where running.chain.isCancelled {
                qn_multi_remove_handle(multi, easy)
                active[easy] = nil
                running.hop.release()
                running.chain.finish(.failed(.cancelled))
            }
            var running: Int32 = 0
            qn_multi_perform(multi, &running)
            var left: Int32 = 0
            while let message = qn_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let done = active.removeValue(forKey: easy) else { continue }
                // Read before the removal: `message` belongs to the multi handle and dies with it.
                let code = message.pointee.data.result
                qn_multi_remove_handle(multi, easy)
                if done.chain.follows(done.hop.finish(code)) { start(done.chain) }
            }
            if !active.isEmpty {
                qn_multi_poll(multi, 1000)
            }
        }
    }
}

