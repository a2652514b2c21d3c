import CalendarValues
import Foundation
import CenterDomain

/// The check-in code of the day (本日のチェックインコード) on the lobby board:
/// a freelancer checks a desk pass in by typing it, which proves they are
/// at the center (docs/SECURITY.md "Checking in at the center"). Six digits,
/// the HMAC-SHA256 of the date under the center's secret (`center_secrets`),
/// so it changes at midnight in Japan and cannot be worked out from the
/// codes of other days. The board shows it only with its display key, which
/// staff open on the lobby screen: the public board never does.
public struct LobbyCode: Sendable, Hashable {
    /// The six digits.
    public let digits: String

    /// `123 456`, as the board shows it.
    public var display: String { String(digits.prefix(3)) + " " + String(digits.suffix(3)) }

    /// The code of `date` under `secret`.
    static func of(_ date: LocalDate, secret: [UInt8]) -> LobbyCode {
        let mac = HMACSHA256.authenticationCode(key: secret, message: Array("lobby check-in \(date)".utf8))
        let number = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 1_000_000
        let text = String(number)
        return LobbyCode(digits: String(repeating: "0", count: 6 - text.count) + text)
    }

    /// The key in the lobby screen's board URL (`/board?display=…`): 32 hex
    /// digits of the HMAC of a fixed label under the secret.
    static func displayKey(secret: [UInt8]) -> String {
        String(Hex.encode(HMACSHA256.authenticationCode(key: secret, message: Array("lobby board display".utf8))).prefix(32))
    }

    /// Whether `typed` is this code: full-width digits and spaces are read
    /// as typed on a phone, compared in constant time.
    func accepts(_ typed: String) -> Bool {
        let digits = typed.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace && $0 != "-" }
        guard digits.utf8.count == 6 else { return false }
        return ConstantTime.equal(Array(digits.utf8), Array(self.digits.utf8))
    }
}

/// Why a lobby check-in was refused: a wrong code, or too many of them.
public enum LobbyCodeCode: String, ErrorCode {
    case lobbyCodeWrong = "lobby_code_wrong"
    case lobbyCodeThrottled = "lobby_code_throttled"
}
