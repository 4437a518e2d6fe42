import Foundation
import FeedList

// A feeds list (newsboat's `urls` format) → FeedListFile. Its text must read back as the same list (an untouched
// list is written back as it was), and each feed's line as written by `add` must read back as that feed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let list = FeedListFile(name: "feeds", text: text)
    if FeedListFile(name: "feeds", text: list.text) != list {
        fatalError("the list's text reads back as another list:\n\(list.text.debugDescription)")
    }
    for entry in list.entries {
        var written = FeedListFile(name: "feeds", text: "")
        written.add(entry)
        if FeedListFile(name: "feeds", text: written.text).entries != [entry] {
            fatalError("\(entry) is written as \(written.text.debugDescription), which reads back otherwise")
        }
    }
    return 0
}
