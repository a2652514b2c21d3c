import Foundation

/// A sign-in name (ログインID): 3 to 64 of the lowercase letters a–z, the
/// digits, `.`, `_`, `-` and `@`, so an e-mail address works as one. What
/// people type is read leniently: full-width letters (ＤＥＳＫ１) become
/// ASCII (NFKC) and capitals become small, so `Desk1` and `desk1` are one
/// login; surrounding spaces are dropped.
public struct LoginName: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public static let lengths = 3...64

    /// The login as typed, normalised; nil when it is not a valid one.
    public init?(_ typed: String) {
        let folded = typed.precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard Self.lengths.contains(folded.utf8.count),
              folded.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || [46, 95, 45, 64].contains($0) })
        else { return nil }
        text = folded
    }

    public var description: String { text }
}
