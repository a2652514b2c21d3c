import CenterService
import Synchronization

/// A `ServiceLog` that keeps every line for a test to read (shared by the
/// service and API tests).
public final class ServiceLogCollector: Sendable {
    public struct Line: Sendable {
        public let level: LogLevel
        public let message: String
        public let fields: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    public init() {}

    public var log: ServiceLog {
        ServiceLog { [self] level, message, fields in
            lines.withLock { $0.append(Line(level: level, message: message, fields: Dictionary(fields, uniquingKeysWith: { a, _ in a }))) }
        }
    }

    public var all: [Line] { lines.withLock { $0 } }

    /// The first line `matches` accepts, waiting up to five seconds for it.
    public func waitFor(_ what: String, _ matches: @escaping @Sendable (Line) -> Bool) async throws -> Line {
        for _ in 0..<500 {
            if let line = all.first(where: matches) { return line }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(what: what)
    }

    public struct Timeout: Error {
        public let what: String
    }
}
