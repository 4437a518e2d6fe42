/// Whatever wakes the main loop.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    case resize(Size)
    /// Background work posted something; the loop should read its inbox.
    case wake
    /// The terminal is gone (its window closed, its tmux server killed): the loop must end, not spin.
    case hangup
}
