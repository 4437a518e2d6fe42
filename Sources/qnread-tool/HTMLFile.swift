import FeedParsing
import Foundation

/// Reads an HTML file from disk as text: UTF-8, else windows-1252 (old pages with no declared encoding).
enum HTMLFile {
    static func read(_ path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(tr("%s: cannot read the file (%s)", path, Self.reason(error)))
        }
        return UTF8Repair.text(data)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.code == NSFileReadNoSuchFileError ? tr("no such file") : nsError.localizedDescription
    }
}

