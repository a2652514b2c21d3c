/// A failure of a roadmap rule or schedule file, with a stable code.
public struct RoadmapError: Error, Sendable, Equatable {
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}
