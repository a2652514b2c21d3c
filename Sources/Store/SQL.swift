/// An SQL text the program declares once (`static let`) and runs often:
/// its hash is computed when it is declared, so finding its prepared form in
/// the statement cache does not hash the whole text on every run (for the
/// booking path's statements, hashing their text was a visible share of a
/// write). `Database.run`, `query` and `queryOne` take one as they take a
/// `String`.
public struct SQL: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let hash: Int

    public init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    public static func == (a: SQL, b: SQL) -> Bool { a.hash == b.hash && a.text == b.text }

    public var description: String { text }
}
