// What the main loop needs from a screen. Only NcursesBackend talks to a real terminal; a Canvas-backed
// implementation serves headless runs.

public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// How many colours it can show (already `.none` under NO_COLOR).
    var colorDepth: ColorDepth { get }
    /// Writes the runs, places or hides the cursor, and shows the result.
    func draw(_ runs: [CellRun], cursor: Point?)
    /// Forgets what is on screen, so the next frame is drawn in full (Ctrl-L, after a suspend).
    func invalidate()
    /// Waits up to `timeoutMilliseconds` for input, a resize, or a byte on `wakeDescriptor`.
    func nextEvent(timeoutMilliseconds: Int, wakeDescriptor: Int32?) -> InputEvent?
    /// Writes an escape sequence that changes nothing on screen (OSC 52), after what is drawn so far.
    func writeControlSequence(_ bytes: [UInt8])
    /// Hands the terminal to another program (restores cooked mode) until `resume()`.
    func suspend()
    func resume()
}
