/// A rule's refusal: a code of its closed set, a message for people (English;
/// the API adds nothing), and details for programs (the values the rule
/// compared, at most a few, each echoing input at most 100 characters).
public struct Refusal<Code: ErrorCode>: Error, Sendable, Equatable {
    public let code: Code
    public let message: String
    public let details: [String: String]
    /// A structured part of the answer beside `details` (a roadmap change's
    /// dry run), encoded by the API under its key.
    public let attachment: RefusalAttachment?

    public init(_ code: Code, _ message: String, details: [String: String] = [:], attachment: RefusalAttachment? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.attachment = attachment
    }

    /// The same refusal with `code` of another set: a rule of one set reused
    /// by a rule of another (a corporate number checked for eligibility).
    public func recast<Other>(as code: Other) -> Refusal<Other> {
        Refusal<Other>(code, message, details: details, attachment: attachment)
    }

    /// The same refusal with its code taken into a set that contains it.
    public func map<Other>(_ transform: (Code) -> Other) -> Refusal<Other> {
        Refusal<Other>(transform(code), message, details: details, attachment: attachment)
    }

    public static func == (a: Refusal, b: Refusal) -> Bool {
        a.code == b.code && a.message == b.message && a.details == b.details && a.attachment?.key == b.attachment?.key
    }
}

/// A structured value a refusal carries beside its details, under `key`.
public struct RefusalAttachment: Sendable {
    public let key: String
    public let value: any Encodable & Sendable

    public init(key: String, value: any Encodable & Sendable) {
        self.key = key
        self.value = value
    }
}

/// A refusal of any code set, as logs, the idempotency record and the API's
/// error mapping read it.
public protocol AnyRefusal: Error, Sendable {
    /// The code, of whichever set.
    var anyCode: any ErrorCode { get }
    var message: String { get }
    var details: [String: String] { get }
    var attachment: RefusalAttachment? { get }
}

extension AnyRefusal {
    /// The code on the wire: `slot_taken`.
    public var codeName: String { anyCode.rawValue }
}

extension Refusal: AnyRefusal {
    public var anyCode: any ErrorCode { code }
}

extension Refusal: CustomStringConvertible {
    /// The message alone, as a command line prints it.
    public var description: String { message }
}
