// The floor under a warm reload over HTTP (bench/reload_bench.py) with the transport qnread used before issue 19:
// Foundation's URLSession alone, as qnread's fetcher configured it (at most 2 connections per host), sending each
// URL a conditional GET with the validators of a first pass, and nothing else: no parsing, no store, no process
// start in the figure. Kept to compare with curl_floor.c, the floor of the transport that replaced it.
// Usage: urlsession-floor RUNS URL…   Prints the median wall time of a pass, in ms, and how many answered 304.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let arguments = CommandLine.arguments.dropFirst()
let runs = Int(arguments.first ?? "") ?? 5
let urls = arguments.dropFirst().compactMap(URL.init(string:))
let configuration = URLSessionConfiguration.ephemeral
configuration.httpMaximumConnectionsPerHost = 2
let session = URLSession(configuration: configuration)

struct Validators { var etag: String?; var lastModified: String? }

func pass(_ known: [URL: Validators]) -> (seconds: Double, seen: [URL: Validators], notModified: Int) {
    let group = DispatchGroup(), lock = NSLock()
    var seen: [URL: Validators] = [:], notModified = 0
    let start = Date()
    for url in urls {
        var request = URLRequest(url: url)
        if let etag = known[url]?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let date = known[url]?.lastModified { request.setValue(date, forHTTPHeaderField: "If-Modified-Since") }
        group.enter()
        session.dataTask(with: request) { _, response, _ in
            let http = response as? HTTPURLResponse
            lock.lock()
            seen[url] = Validators(etag: http?.value(forHTTPHeaderField: "ETag"), lastModified: http?.value(forHTTPHeaderField: "Last-Modified"))
            if http?.statusCode == 304 { notModified += 1 }
            lock.unlock()
            group.leave()
        }.resume()
    }
    group.wait()
    return (Date().timeIntervalSince(start), seen, notModified)
}

let first = pass([:])
var times: [Double] = []
var notModified = 0
for _ in 0..<runs {
    let run = pass(first.seen)
    times.append(run.seconds)
    notModified = run.notModified
}
times.sort()
print(String(format: "%.1f %d", times[times.count / 2] * 1000, notModified))
