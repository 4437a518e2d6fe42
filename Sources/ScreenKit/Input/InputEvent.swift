/// Whatever wakes the main loop.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    case resize(Size)
    /// Background work posted something; the loop should read its inbox.
    case wake
}
