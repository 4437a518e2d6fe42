import ScreenKit
import Testing

@Suite("Terminal notifications (OSC 777, OSC 9)")
struct NotificationSequenceTests {
    @Test("Both sequences, then the bell; the text one line, without controls or semicolons")
    func plain() {
        let bytes = NotificationSequence.bytes("12 nouveaux articles;\u{1B}[2J dans 3 fils\n", insideTmux: false, notification: true, bell: true)
        #expect(String(decoding: bytes, as: UTF8.self) ==
                "\u{1B}]777;notify;qnread;12 nouveaux articles,[2J dans 3 fils\u{07}\u{1B}]9;qnread: 12 nouveaux articles,[2J dans 3 fils\u{07}\u{07}")
    }

    @Test("Inside tmux each sequence goes through its passthrough, ESC doubled; the bell stays plain")
    func tmux() {
        let bytes = NotificationSequence.bytes("1 nouvel article", insideTmux: true, notification: true, bell: true)
        #expect(String(decoding: bytes, as: UTF8.self) ==
                "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;qnread;1 nouvel article\u{07}\u{1B}\\"
                + "\u{1B}Ptmux;\u{1B}\u{1B}]9;qnread: 1 nouvel article\u{07}\u{1B}\\" + "\u{07}")
    }

    @Test("The bell alone")
    func bellOnly() {
        #expect(NotificationSequence.bytes("x", insideTmux: true, notification: false, bell: true) == [0x07])
    }
}
