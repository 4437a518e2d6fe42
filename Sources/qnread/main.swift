import Glibc
import ReaderRuntime

// `qnread`: the reader, started with as little as possible (no argument parser library, no network library:
// the first screen comes sooner). Every other command line is `qnread-tool`'s, run in this process's place.

/// One line on standard error.
func complain(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

switch ReaderArguments.parse(Array(CommandLine.arguments.dropFirst())) {
case let .reader(databasePath, configPath):
    do {
        try ReaderLaunch.run(databasePath: databasePath, configPath: configPath)
    } catch {
        complain(error.text)
        exit(1)
    }
case .tool:
    complain("qnread: " + SiblingProgram.exec(SiblingProgram.tool, arguments: CommandLine.arguments))
    exit(127)
}
