import CenterDomain
import Foundation

/// A member's one-time sign-up code (サインアップコード), printed on the
/// registration slip: 12 characters from 31 that cannot be mistaken for one
/// another (no 0/O, 1/I/L), shown in groups of four, `K7QM-3XPA-9RTD`.
/// 31^12 ≈ 2^59 codes; only the SHA-256 is stored, a code is valid for
/// 14 days and for one sign-up, and guesses are throttled per address.
public struct SignUpCode: Sendable, Hashable {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 12
    /// How long a code may be used, from when staff issued it.
    public static let validDays: Int64 = 14

    /// The 12 characters, without separators.
    public let text: String

    init(text: String) { self.text = text }

    /// A fresh code from the system's generator, each character uniform
    /// (bytes of 248 and above are drawn again, so no character is likelier).
    public static func generate() -> SignUpCode {
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        while characters.count < length {
            let byte = UInt8.random(in: 0...255, using: &generator)
            if byte < 248 { characters.append(alphabet[Int(byte) % alphabet.count]) }
        }
        return SignUpCode(text: String(characters))
    }

    /// The code as a person typed it: full-width characters and small
    /// letters are read as the code's, spaces and hyphens ignored. Nil when
    /// it cannot be a code.
    public init?(typed: String) {
        guard typed.utf8.count <= 200 else { return nil }
        let folded = typed.precomposedStringWithCompatibilityMapping.uppercased()
            .filter { !$0.isWhitespace && !"-‐‑‒–—―ー−".contains($0) }
        guard folded.count == Self.length, folded.allSatisfy(Self.alphabet.contains) else { return nil }
        text = folded
    }

    /// `K7QM-3XPA-9RTD`: as printed.
    public var display: String {
        let characters = Array(text)
        return stride(from: 0, to: characters.count, by: 4)
            .map { String(characters[$0..<min($0 + 4, characters.count)]) }.joined(separator: "-")
    }

    /// What the database keeps.
    var hash: [UInt8] { SHA256.hash(Array(text.utf8)) }
}
