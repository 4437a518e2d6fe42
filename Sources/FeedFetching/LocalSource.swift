import FeedModel
import Foundation
import Localization

/// Feeds that need no network: files on disk (libcurl could read them, but a stat says whether one changed) and
/// bytes embedded in the binary.
enum LocalSource {
    static func embedded(_ bytes: Data, request: FetchRequest) -> FetchResult {
        let hash = BodyDigest.hex(bytes)
        let validators = FeedValidators(bodyHash: hash)
        if request.validators.bodyHash == hash {
            return FetchResult(request: request, outcome: .notModified(validators, reason: .sameBody))
        }
        let url = URL(string: request.url) ?? URL(fileURLWithPath: "/")
        return FetchResult(request: request, outcome: .body(FetchedBody(data: bytes, finalURL: url, validators: validators)))
    }

    /// A file's size and modification time stand in for an ETag, so an unchanged file is not even read.
    static func file(_ url: URL, request: FetchRequest, settings: FetchSettings) -> FetchResult {
        let words = settings.catalogue
        func failed(_ message: String, _ kind: FetchFailure.Kind = .file) -> FetchResult {
            FetchResult(request: request, outcome: .failed(FetchFailure(kind, message: message)))
        }
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            return failed(errno == ENOENT ? words.tr("no such file: %s", path)
                : words.tr("cannot read %s: %s", path, String(cString: strerror(errno))))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return failed(words.tr("not a regular file: %s", path)) }
        guard Int(info.st_size) <= settings.maxBodyBytes else {
            return failed(words.tr("%s is larger than %s", path, FetchFailure.bytes(settings.maxBodyBytes, in: words)), .tooLarge)
        }
        let tag = "\"file-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\""
        let modified = HTTPDate.format(Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)))
        if request.validators.etag == tag {
            return FetchResult(request: request, outcome: .notModified(request.validators, reason: .sameFile))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return failed(words.tr("cannot read %s", path)) }
        let validators = FeedValidators(etag: tag, lastModified: modified, bodyHash: BodyDigest.hex(data))
        if request.validators.bodyHash == validators.bodyHash {
            return FetchResult(request: request, outcome: .notModified(validators, reason: .sameBody))
        }
        return FetchResult(request: request, outcome: .body(FetchedBody(data: data, finalURL: url, validators: validators)))
    }
}
