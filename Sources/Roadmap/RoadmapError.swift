/// A failure of a roadmap rule or schedule file, with a stable code.
public struct RoadmapError: Error, Sendable, Equatable {
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension RoadmapError: CustomStringConvertible {
    /// The message alone, as a command line prints it.
    public var description: String { message }
}
