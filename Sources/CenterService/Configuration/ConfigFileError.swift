/// A configuration or schedule file that cannot be used: the service refuses
/// to start and prints the file, the JSON path inside it and what is wrong.
public struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problems: [JSONProblem]

    public init(file: String, problems: [JSONProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        problems.map { "\(file): \($0.path): \($0.message)" }.joined(separator: "\n")
    }
}
