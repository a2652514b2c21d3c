import Foundation
import Glibc

/// Reads a new password from standard input for `account create` and
/// `account reset`: at a terminal it asks twice with echo off (termios),
/// from a pipe it reads one line, so scripts can pass it without putting
/// it on the command line (where `ps` would show it).
enum PasswordInput {
    static func read() -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                fail("no password on standard input (give it as one line)", code: 2)
            }
            return line
        }
        let first = prompt("新しいパスワード / New password: ")
        let second = prompt("もう一度 / Again: ")
        guard first == second else { fail("the two passwords differ; nothing was changed", code: 2) }
        return first
    }

    /// One line typed without echo.
    static func prompt(_ text: String) -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        }
        let line = readLine(strippingNewline: true)
        if canHide { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        FileHandle.standardError.write(Data("\n".utf8))
        guard let line, !line.isEmpty else { fail("no password given; nothing was changed", code: 2) }
        return line
    }
}
