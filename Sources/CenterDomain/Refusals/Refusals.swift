/// The union of the code sets a use case can refuse with, in the order the
/// use case meets them: `Refusals<BookingCode, CategoryWindow.Code, ...>`.
/// Its cases are every code of every set (`allCases`), which is what the
/// API documents for the operation; a refusal of a set outside the union is
/// not one of its refusals (`lift` answers nil).
public struct Refusals<each Family: ErrorCode>: ErrorCode {
    /// The code, of one of the sets.
    public let code: any ErrorCode

    init(_ code: any ErrorCode) { self.code = code }

    public var rawValue: String { code.rawValue }

    public static func == (a: Self, b: Self) -> Bool { a.rawValue == b.rawValue && type(of: a.code) == type(of: b.code) }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public static var allCases: [Self] {
        var all: [Self] = []
        for family in repeat (each Family).self {
            all += family.allCases.map { Self($0) }
        }
        return all
    }

    /// The sets of the union, in order.
    public static var families: [any ErrorCode.Type] {
        var families: [any ErrorCode.Type] = []
        for family in repeat (each Family).self { families.append(family) }
        return families
    }

    /// `error` as a refusal of the union: a refusal of one of its sets, or
    /// of a union whose every set is one of these.
    public static func lift(_ error: any Error) -> Refusal<Self>? {
        guard let refusal = error as? any AnyRefusal else { return nil }
        var code = refusal.anyCode
        if let union = code as? any UnionCode { code = union.leaf }
        let family = type(of: code)
        for member in repeat (each Family).self {
            if member == family {
                return Refusal(Self(code), refusal.message, details: refusal.details, attachment: refusal.attachment)
            }
        }
        return nil
    }
}

/// A code of a union of sets, with the code of the set it came from.
public protocol UnionCode {
    var leaf: any ErrorCode { get }
}

extension Refusals: UnionCode {
    public var leaf: any ErrorCode { (code as? any UnionCode)?.leaf ?? code }
}

/// No refusal: what an operation that only reads can answer beside the API's
/// own input and access codes.
public typealias NoRefusal = Refusals< >
