import CNcursesw
import ScreenKit

/// ncurses key codes → KeyEvents.
enum KeyDecoder {
    /// A character code from `get_wch` (OK status).
    static func character(_ code: wint_t) -> KeyEvent? {
        switch code {
        case 10, 13: return KeyEvent(.enter)
        case 9: return KeyEvent(.tab)
        case 8, 127: return KeyEvent(.backspace)
        case 27: return KeyEvent(.escape)
        case 1...26:
            // Ctrl-letter arrives as 1…26.
            return KeyEvent.control(Character(Unicode.Scalar(UInt8(code) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)), code >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code from `get_wch` (KEY_CODE_YES status).
    static func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return KeyEvent(.up)
        case KEY_DOWN: return KeyEvent(.down)
        case KEY_LEFT: return KeyEvent(.left)
        case KEY_RIGHT: return KeyEvent(.right)
        case KEY_HOME: return KeyEvent(.home)
        case KEY_END: return KeyEvent(.end)
        case KEY_NPAGE: return KeyEvent(.pageDown)
        case KEY_PPAGE: return KeyEvent(.pageUp)
        case KEY_DC: return KeyEvent(.delete)
        case KEY_IC: return KeyEvent(.insert)
        case KEY_BACKSPACE: return KeyEvent(.backspace)
        case KEY_ENTER: return KeyEvent(.enter)
        default:
            for n in 1...24 where code == qn_key_f(Int32(n)) { return KeyEvent(.function(n)) }
            return nil
        }
    }
}
