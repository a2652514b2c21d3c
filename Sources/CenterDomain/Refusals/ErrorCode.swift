/// A closed set of stable error codes, each case one code as clients see it
/// (snake_case, docs/API.md "Errors"). A rule refuses with one of its own
/// set's codes only; a use case declares the sets it can refuse with
/// (`Refusals`), so the codes an operation can answer are known from its
/// types. How a code is answered over HTTP is decided by the API alone.
public protocol ErrorCode: Hashable, Sendable, CaseIterable where AllCases == [Self] {
    /// The code on the wire: `slot_taken`.
    var rawValue: String { get }

    /// `error` as a refusal with a code of this set, nil when it is none.
    static func lift(_ error: any Error) -> Refusal<Self>?
}

extension ErrorCode {
    public static func lift(_ error: any Error) -> Refusal<Self>? { error as? Refusal<Self> }

    /// The code of this set spelled `text`, nil when there is none (a
    /// recorded refusal read back).
    public init?(code text: String) {
        guard let code = Self.allCases.first(where: { $0.rawValue == text }) else { return nil }
        self = code
    }
}
