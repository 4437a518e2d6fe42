import ArgumentParser
import FeedParsing
import Foundation

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed file and print what qnread understands of it."
    )

    @Argument(help: "A feed file, or - for standard input.")
    var file: String

    func run() throws {
        throw ValidationError("not built yet")
    }
}
