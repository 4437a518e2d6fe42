import Glibc
import Localization
import TextSafety

/// `save`: an article's text in a new file of a directory, named after its title by SafeFileName. A file that
/// exists is never replaced, whatever it is (a symbolic link included): the name takes a number instead.
public enum ArticleFile {
    public typealias Failure = WordedFailure

    /// Names tried before giving up: "Titre.txt", "Titre (2).txt" … "Titre (1000).txt".
    static let attempts = 1000

    /// Writes `text` and returns the new file's path.
    public static func save(_ text: String, title: String, in directory: String) throws -> String {
        var isDirectory = stat()
        guard stat(directory, &isDirectory) == 0, isDirectory.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(N_("cannot save into %s: not a directory"), SafeText.collapsedLine(directory))
        }
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        for number in 1...attempts {
            let path = folder + SafeFileName.make(from: title, extension: "txt", number: number)
            // O_EXCL: fails on anything already there, a dangling symbolic link included, in one step.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0, errno == EEXIST { continue }
            guard fd >= 0 else {
                throw Failure(N_("cannot save %s: %s"), SafeText.collapsedLine(path), String(cString: strerror(errno)))
            }
            var problem: String?
            do {
                try FileDescriptorWriting.writeAll(Array(text.utf8), to: fd)
            } catch {
                problem = "\(error)"
            }
            // Closed once, whatever happened (a second close could close another thread's new descriptor).
            if close(fd) != 0, problem == nil { problem = String(cString: strerror(errno)) }
            if let problem {
                // A half-written article is no article: the file goes, the reader is told.
                unlink(path)
                throw Failure(N_("cannot save %s: %s"), SafeText.collapsedLine(path), "\(problem)")
            }
            return path
        }
        throw Failure(N_("cannot save: %s files named after this title already exist"), String(attempts))
    }
}
