import CenterDomain
internal import Store
import Synchronization

/// How urgent a log line is, as operators read it: `error` needs someone to
/// look (a failed request, timer or backup), `warning` may (a refused start,
/// a retried step), `info` tells what happened.
public enum LogLevel: String, Sendable, Hashable, CaseIterable {
    case debug, info, warning, error
}

/// Where the service tells its operator what happened: lines with a level,
/// a message and fields. The executable writes them as JSON lines to
/// standard output; tests collect them. Fields never carry personal data
/// (names, contacts) or secrets: only ids, codes and SQLite's own messages.
public struct ServiceLog: Sendable {
    /// Receives each line.
    public typealias Sink = @Sendable (LogLevel, String, [(String, String)]) -> Void

    private let sink: Sink

    public init(_ sink: @escaping Sink) {
        self.sink = sink
    }

    /// A log that drops every line.
    public static let discard = ServiceLog { _, _, _ in }

    public func info(_ message: String, _ fields: [(String, String)] = []) { sink(.info, message, fields) }
    public func warning(_ message: String, _ fields: [(String, String)] = []) { sink(.warning, message, fields) }
    public func error(_ message: String, _ fields: [(String, String)] = []) { sink(.error, message, fields) }

    /// The fields that explain `error`: for a store error its code and
    /// SQLite's extended result code, name and message, and the statement
    /// (never its bound values); for a rule's refusal its code; else the
    /// error's type and description.
    public static func cause(of error: any Error) -> [(String, String)] {
        switch error {
        case let e as StoreError:
            return [("error", e.code.rawValue), ("sqlite_code", String(e.resultCode)), ("sqlite_error", e.resultCodeName),
                    ("sqlite_message", e.message)] + (e.sql.map { [("sql", $0)] } ?? [])
        case let e as any AnyRefusal:
            return [("error", e.codeName), ("message", e.message)]
        case let e as ServiceFailure:
            return e.cause
        case let e as any ServiceErrorProtocol:
            return e.failure?.cause ?? e.refusal.map { cause(of: $0) } ?? []
        default:
            return [("error", String(describing: type(of: error))), ("message", String(describing: error))]
        }
    }
}

/// The last failure of each timer, so that a timer failing on every round
/// (a damaged database under a one-second checkpoint) logs once when it
/// starts failing, again when the failure changes, and once when it recovers.
final class TimerFailures: Sendable {
    private let last = Mutex<[String: String]>([:])

    /// Whether this failure of `timer` is news (first, or different from the last).
    func isNews(_ timer: String, _ description: String) -> Bool {
        last.withLock { failures in
            defer { failures[timer] = description }
            return failures[timer] != description
        }
    }

    /// Whether `timer` had been failing and now succeeded.
    func recovered(_ timer: String) -> Bool {
        last.withLock { $0.removeValue(forKey: timer) != nil }
    }
}

extension ServiceContext {
    /// Runs one round of a timer's work. A failure is logged at `error` with
    /// the timer's name and the cause, and the round answers nil; the timer
    /// carries on (the next round may succeed). Cancellation is not a failure.
    func timerRound<T: Sendable>(_ timer: String, _ work: () async throws -> T) async -> T? {
        do {
            let value = try await work()
            if timerFailures.recovered(timer) { log.info("timer recovered", [("timer", timer)]) }
            return value
        } catch is CancellationError {
            return nil
        } catch {
            let cause = ServiceLog.cause(of: error)
            if timerFailures.isNews(timer, cause.map { "\($0.0)=\($0.1)" }.joined(separator: " ")) {
                log.error("timer failed", [("timer", timer)] + cause)
            }
            return nil
        }
    }
}
