import CenterDomain
import Foundation

/// What a new password must be (docs/SECURITY.md "Passwords"), after NIST SP
/// 800-63B §5.1.1.2: long rather than complicated. At least 12 characters,
/// at most 1,024 bytes, any characters (spaces, kana and kanji included; the
/// text is NFKC-normalised first, so a full-width and a half-width spelling
/// are one password), not the login, not one character repeated, not one of
/// the passwords attackers try first.
public enum PasswordPolicy {
    public static let minimumCharacters = 12
    public static let maximumBytes = 1024

    /// What is wrong with a new password.
    public enum Code: String, ErrorCode {
        case passwordTooShort = "password_too_short"
        case passwordTooLong = "password_too_long"
        case passwordTooCommon = "password_too_common"
        case passwordContainsLogin = "password_contains_login"
    }

    /// The password as it is hashed: NFKC, so that what looks the same is the same.
    public static func normalized(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCompatibilityMapping.utf8)
    }

    /// Nil when `password` may be set for `login`, else the first problem.
    public static func problem(with password: String, login: LoginName?) -> Code? {
        if password.utf8.count > maximumBytes { return .passwordTooLong }
        let text = password.precomposedStringWithCompatibilityMapping
        if text.count < minimumCharacters { return .passwordTooShort }
        let lowered = text.lowercased()
        if let login, lowered.contains(login.text) { return .passwordContainsLogin }
        if Set(lowered).count <= 2 || commonPasswords.contains(lowered) || isSequence(lowered) { return .passwordTooCommon }
        return nil
    }

    /// Refuses a password `problem` names, with the figures it broke.
    static func check(_ password: String, login: LoginName?) throws(Refusal<Code>) {
        switch problem(with: password, login: login) {
        case nil:
            return
        case .passwordTooShort?:
            throw Refusal(.passwordTooShort, "The password must be at least \(minimumCharacters) characters long.",
                          details: ["minimum": String(minimumCharacters)])
        case .passwordTooLong?:
            throw Refusal(.passwordTooLong, "The password is too long: at most \(maximumBytes) bytes.",
                          details: ["maximum": String(maximumBytes)])
        case .passwordTooCommon?:
            throw Refusal(.passwordTooCommon, "This password is too easy to guess. Choose another one.")
        case .passwordContainsLogin?:
            throw Refusal(.passwordContainsLogin, "The password must not contain the login.")
        }
    }

    /// Runs of the keyboard or the digits (`123456789012`, `qwertyuiopas`).
    static func isSequence(_ text: String) -> Bool {
        let rows = ["1234567890123456789012345678901234567890", "0987654321098765432109876543210987654321",
                    "qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz"]
        return rows.contains { $0.contains(text) }
    }

    /// Passwords of 12 characters or more that lead the published lists of
    /// breached passwords, and the center's own obvious ones.
    static let commonPasswords: Set<String> = [
        "password1234", "password12345", "password123456", "passw0rd1234", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "qwerty123456", "123456qwerty", "qwertyuiop12", "iloveyou1234", "adminadmin12", "administrator",
        "welcome12345", "letmein12345", "changeme1234", "monkey123456", "dragon123456", "football1234",
        "baseball1234", "sunshine1234", "princess1234", "qazwsxedcrfv", "zaq12wsxcde3", "aaaaaaaaaaaa",
        "nakanocenter", "nakano-center", "nakanocenter1", "nakano123456", "nakanonakano", "centercenter",
    ]
}
