import CenterDomain
import CenterService

/// A use case's refusal as the tests read it, whatever its code set: the
/// code on the wire, the message, the details.
public struct Refused: Equatable, Sendable, CustomStringConvertible {
    public let code: String
    public let message: String
    public let details: [String: String]

    public init(_ code: String, _ message: String, details: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The refusal `error` is or carries (a `ServiceError`), nil for a failure.
    public init?(_ error: any Error) {
        let refusal = (error as? any ServiceErrorProtocol)?.refusal ?? error as? any AnyRefusal
        guard let refusal else { return nil }
        self.init(refusal.codeName, refusal.message, details: refusal.details)
    }

    public var description: String { "\(code): \(message) \(details)" }
}
