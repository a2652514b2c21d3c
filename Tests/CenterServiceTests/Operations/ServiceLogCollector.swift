import Synchronization
@testable import CenterService

/// A `ServiceLog` that keeps every line for the test to read.
final class ServiceLogCollector: Sendable {
    struct Line: Sendable {
        let level: LogLevel
        let message: String
        let fields: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    var log: ServiceLog {
        ServiceLog { [self] level, message, fields in
            lines.withLock { $0.append(Line(level: level, message: message, fields: Dictionary(fields, uniquingKeysWith: { a, _ in a }))) }
        }
    }

    var all: [Line] { lines.withLock { $0 } }

    func waitFor(_ what: String, _ matches: @escaping (Line) -> Bool) async throws -> Line {
        for _ in 0..<500 {
            if let line = all.first(where: matches) { return line }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CollectorTimeout(what: what)
    }

    struct CollectorTimeout: Error { let what: String }
}
