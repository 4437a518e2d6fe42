/// Bounded concurrency: at most `maxTotal` fetches at once and `maxPerHost` against one host. Waiters are
/// served in arrival order, skipping those whose host is full so one slow host never blocks the others.
actor FetchGate {
    private let maxTotal: Int
    private let maxPerHost: Int
    private var running = 0
    private var perHost: [String: Int] = [:]
    private var waiters: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(maxTotal: Int, maxPerHost: Int) {
        self.maxTotal = maxTotal
        self.maxPerHost = maxPerHost
    }

    func acquire(host: String) async {
        if fits(host) {
            take(host)
            return
        }
        await withCheckedContinuation { waiters.append((host, $0)) }
    }

    func release(host: String) {
        running -= 1
        perHost[host, default: 1] -= 1
        if perHost[host] == 0 { perHost[host] = nil }
        var index = 0
        while index < waiters.count, running < maxTotal {
            if fits(waiters[index].host) {
                let waiter = waiters.remove(at: index)
                take(waiter.host)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    private func fits(_ host: String) -> Bool {
        running < maxTotal && perHost[host, default: 0] < maxPerHost
    }

    private func take(_ host: String) {
        running += 1
        perHost[host, default: 0] += 1
    }
}
