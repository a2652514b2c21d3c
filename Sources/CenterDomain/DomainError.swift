/// A refusal or validation failure of a center rule, with a stable snake_case
/// code (docs/API.md lists them), a human message, and details for the client.
/// CenterAPI maps `kind` to an HTTP status in one place.
public struct DomainError: Error, Sendable, Equatable {
    /// What sort of failure this is; decides the HTTP status.
    public enum Kind: String, Sendable, Equatable {
        /// A rule refused the request (409): slot taken, window not open, quota…
        case conflict
        /// The values are well-formed but invalid (422).
        case invalid
        /// The thing named does not exist (404).
        case notFound
        /// The caller may not do this (403).
        case forbidden
    }

    public let kind: Kind
    public let code: String
    public let message: String
    public let details: [String: String]

    public init(_ kind: Kind, _ code: String, _ message: String, details: [String: String] = [:]) {
        self.kind = kind
        self.code = code
        self.message = message
        self.details = details
    }
}

extension DomainError: CustomStringConvertible {
    /// The message alone, as a command line prints it.
    public var description: String { message }
}
