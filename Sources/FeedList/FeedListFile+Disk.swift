import FeedParsing
import Foundation
import Localization

// Reading and writing feeds lists on disk. Writes go to a temporary file in the same directory, then rename, so a
// crash or a full disk never leaves half a list behind.
extension FeedListFile {
    /// Reads `url`; nil when there is no such file. Bytes that are not UTF-8 are read as windows-1252 rather than lost.
    public static func load(_ url: URL) throws -> FeedListFile? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        // Foundation's own words for it are "The operation could not be completed".
        if isDirectory.boolValue { throw FeedListProblem(file: url.path, line: 0, reason: Words(N_("is a directory"))) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FeedListProblem(file: url.path, line: 0, reason: Words(N_("cannot be read (%s)"), error.localizedDescription))
        }
        return FeedListFile(name: url.path, text: UTF8Repair.text(data))
    }

    /// Writes the list to `url`, creating its directory when needed.
    public func save(to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // Foundation writes a new temporary file (O_EXCL) in the same directory, then renames it.
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw FeedListProblem(file: url.path, line: 0, reason: Words(N_("cannot be written (%s)"), error.localizedDescription))
        }
    }
}
