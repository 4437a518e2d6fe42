import CNcursesw
import Glibc
import ScreenKit

// The only code that talks to ncurses. It draws runs of cells the runtime already diffed, and turns
// ncurses input into KeyEvents. It knows nothing of feeds or screens.

public enum NcursesError: Error, CustomStringConvertible {
    case notATerminal
    case cannotStart(String)

    public var description: String {
        switch self {
        case .notATerminal: return "the reader needs a terminal: standard input and output must be a tty"
        case .cannotStart(let term): return "cannot start the terminal (TERM=\(term)); try TERM=xterm-256color"
        }
    }
}

public final class NcursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private var colors: ColorPairs
    private var queued: [InputEvent] = []
    private let mouse: Bool
    public let colorDepth: ColorDepth

    /// Takes over the terminal. `useColor` false (NO_COLOR) keeps attributes but draws no colour.
    public init(useColor: Bool, mouse: Bool) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw NcursesError.notATerminal }
        TerminalLocale.prepare()
        guard qn_newterm() != nil, let window = qn_stdscr() else {
            throw NcursesError.cannotStart(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)
        set_escdelay(25)
        curs_set(0)
        var depth = ColorDepth.none
        if useColor, has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth(colors: Int(qn_colors()))
        }
        colorDepth = depth
        colors = ColorPairs(depth: depth, limit: Int(qn_color_pairs()))
        self.mouse = mouse
        if mouse {
            let wanted = qn_button1_clicked() | qn_button1_double_clicked() | qn_button1_pressed()
                | qn_button1_released() | qn_button4_pressed() | qn_button5_pressed()
            mousemask(wanted, nil)
            mouseinterval(200)
        }
    }

    deinit { endwin() }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func draw(_ runs: [CellRun], cursor: Point?) {
        for run in runs {
            let (attributes, pair) = colors.attributes(for: run.style)
            qn_attr_set(window, attributes, pair)
            var wide: [wchar_t] = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            // Writing the bottom-right cell reports ERR because the cursor cannot advance; the cell is drawn.
            _ = qn_mvaddnwstr(window, Int32(run.y), Int32(run.x), &wide, Int32(wide.count - 1))
        }
        qn_attr_set(window, qn_a_normal(), 0)
        if let cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    public func invalidate() { clearok(window, true) }

    public func nextEvent(timeoutMilliseconds: Int, wakeDescriptor: Int32?) -> InputEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        // ncurses may already hold bytes it read ahead, which poll() cannot see: ask it first.
        if let event = readKey() { return event }
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
        if let wakeDescriptor { fds.append(pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), Int32(timeoutMilliseconds))
        if let event = readKey() { return event }
        // A hung-up terminal makes poll() return at once forever; without this the loop would spin at full CPU.
        if ready > 0, fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        if ready > 0, fds.count > 1, fds[1].revents & Int16(POLLIN) != 0 { return .wake }
        return nil
    }

    public func writeControlSequence(_ bytes: [UInt8]) {
        // ncurses flushes its output at the end of each refresh, so these bytes come after every frame drawn.
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }   // a terminal gone: the next draw finds out
            offset += written
        }
    }

    public func suspend() {
        def_prog_mode()
        endwin()
    }

    public func resume() {
        reset_prog_mode()
        clearok(window, true)
        wrefresh(window)
    }

    /// One event from ncurses without waiting, or nil.
    private func readKey() -> InputEvent? {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        switch status {
        case OK:
            if code == 27 {
                // Meta sends ESC then the key; a lone ESC is the Escape key.
                var next: wint_t = 0
                switch wget_wch(window, &next) {
                case OK:
                    if let key = KeyDecoder.character(next) {
                        return .key(KeyEvent(key.key, modifiers: key.modifiers.union(.meta)))
                    }
                case KEY_CODE_YES:
                    // Esc then a function key: both are keys of their own.
                    if let key = KeyDecoder.functionKey(Int32(next)) { queued.append(.key(key)) }
                default:
                    break
                }
                return .key(KeyEvent(.escape))
            }
            return KeyDecoder.character(code).map(InputEvent.key)
        case KEY_CODE_YES:
            switch Int32(code) {
            case KEY_RESIZE: return .resize(size)
            case KEY_MOUSE: return mouseEvent()
            default: return KeyDecoder.functionKey(Int32(code)).map(InputEvent.key)
            }
        default:
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard mouse, getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        let state = event.bstate
        if state & qn_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: x, y: y)) }
        if qn_button5_pressed() != 0, state & qn_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: x, y: y)) }
        if state & qn_button1_double_clicked() != 0 { return .mouse(MouseEvent(.doubleClick, x: x, y: y)) }
        if state & (qn_button1_clicked() | qn_button1_pressed()) != 0 { return .mouse(MouseEvent(.click, x: x, y: y)) }
        return nil
    }
}
