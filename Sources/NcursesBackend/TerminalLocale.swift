import CNcursesw
import Glibc

/// ncursesw drops every non-ASCII character unless the C library runs in a UTF-8 locale.
enum TerminalLocale {
    static func prepare() {
        setlocale(LC_ALL, "")
        if qn_locale_is_utf8() == 0 {
            // C.UTF-8 is the one UTF-8 locale every Debian image has.
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
