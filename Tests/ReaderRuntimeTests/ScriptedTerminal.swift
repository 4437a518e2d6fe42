import ReaderCore
import ScreenKit

/// A Terminal with a screen in memory and input from a script, for running the real loop without a tty.
/// It applies the runs it is given exactly as a terminal would, so what it shows is what was drawn.
final class ScriptedTerminal: Terminal {
    private(set) var screen: Canvas
    private var script: [InputEvent]
    /// Every frame drawn, as text, and how many runs each took.
    private(set) var frames: [[String]] = []
    private(set) var runCounts: [Int] = []
    private(set) var suspensions = 0
    /// Every control sequence written (OSC 52), in order.
    private(set) var controlSequences: [[UInt8]] = []
    /// Called when the script is empty; returns more input, or nil to quit with Q.
    var whenIdle: ((ScriptedTerminal) -> [InputEvent]?)?

    init(width: Int, height: Int, script: [InputEvent]) {
        screen = Canvas(width: width, height: height)
        self.script = script
    }

    var size: Size { screen.size }
    let colorDepth = ColorDepth.none

    func draw(_ runs: [CellRun], cursor: Point?) {
        for run in runs {
            screen.fill(Rect(x: run.x, y: run.y, width: run.width, height: 1), style: run.style)
            screen.put(run.text, x: run.x, y: run.y, style: run.style)
        }
        screen.cursor = cursor
        frames.append(screen.lines)
        runCounts.append(runs.count)
    }

    func invalidate() {}

    func nextEvent(timeoutMilliseconds: Int, wakeDescriptor: Int32?) -> InputEvent? {
        if script.isEmpty, let more = whenIdle?(self) { script = more }
        if script.isEmpty { return .key(.character("Q")) }
        let event = script.removeFirst()
        if case .resize(let size) = event { screen = Canvas(size: size) }
        return event
    }

    func writeControlSequence(_ bytes: [UInt8]) { controlSequences.append(bytes) }

    func suspend() { suspensions += 1 }
    func resume() {}

    static func keys(_ names: String...) -> [InputEvent] {
        names.flatMap { KeyEvent.sequence(named: $0)!.map(InputEvent.key) }
    }
}
