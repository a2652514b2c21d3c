/// One thing wrong in the center configuration: where (a JSONPath such as
/// `$.facilities[3].fees.night`) and what. The service refuses to start on any.
public struct ConfigProblem: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
