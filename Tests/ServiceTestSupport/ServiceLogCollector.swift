import CenterService
import TestEvents

/// A `ServiceLog` that keeps every line for a test to read (shared by the
/// service and API tests).
public final class ServiceLogCollector: Sendable {
    public struct Line: Sendable {
        public let level: LogLevel
        public let message: String
        public let fields: [String: String]
    }

    private let lines = Observed<[Line]>([])

    public init() {}

    public var log: ServiceLog {
        ServiceLog { [self] level, message, fields in
            lines.update { $0.append(Line(level: level, message: message, fields: Dictionary(fields, uniquingKeysWith: { a, _ in a }))) }
        }
    }

    public var all: [Line] { lines.value }

    /// The first line `matches` accepts, as soon as it is written.
    public func waitFor(_ what: String, _ matches: @escaping @Sendable (Line) -> Bool) async throws -> Line {
        let written = try await lines.wait(for: what) { $0.contains(where: matches) }
        guard let line = written.first(where: matches) else { throw Observed<[Line]>.Timeout(what: what, last: "") }
        return line
    }
}
