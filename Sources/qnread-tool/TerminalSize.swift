import Foundation

/// What the command line knows about the terminal it prints to.
enum TerminalSize {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// stdout's terminal width, else $COLUMNS, else 80.
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ToolEnvironment.variables["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return columns
        }
        return 80
    }
}
