import CenterService
import Synchronization

/// `/health`'s view of the database, kept fresh by the requests that ask
/// for it: a successful round trip (`Housekeeping.health()`, a `SELECT 1` on
/// a reader) is remembered for `maxAge`, and a `/health` within that time is
/// answered from it on the event loop, with no query; the first one after it
/// makes a new round trip. So a load balancer polling hundreds of times a
/// second costs the reader pool one query per `maxAge`, and an `ok` is never
/// older than `maxAge`.
///
/// Invalidation: only `ok` is remembered. A damaged file (a query met
/// `SQLITE_CORRUPT`, `SQLITE_NOTADB` or `SQLITE_IOERR`, `damaged`) is
/// answered `error` at once, whatever was remembered; a round trip that
/// fails (`unavailable`, `error`) forgets the last `ok`, so every `/health`
/// after it makes its own round trip until one succeeds (docs/API.md).
public final class HealthProbe: Sendable {
    /// What `/health` reports.
    public enum Answer: Sendable, Equatable {
        case ok
        /// The file or its disk is damaged (`Housekeeping.DatabaseHealth.error`).
        case error
        /// The round trip failed otherwise.
        case unavailable
    }

    /// How long an `ok` is reused: a second, well inside any load
    /// balancer's polling interval.
    public static let defaultMaxAge: Duration = .seconds(1)

    let maxAge: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let roundTrip: @Sendable () async -> Answer
    private let damaged: @Sendable () -> Bool
    /// When the last successful round trip started; nil when none is to be reused.
    private let lastOK = Mutex<ContinuousClock.Instant?>(nil)

    /// A probe of `service`'s database.
    convenience init(service: CenterService, maxAge: Duration = HealthProbe.defaultMaxAge) {
        self.init(maxAge: maxAge, now: { ContinuousClock.now }, damaged: { service.housekeeping.databaseDamaged }) {
            switch await service.housekeeping.health() {
            case .ok: .ok
            case .error: .error
            case .unavailable: .unavailable
            }
        }
    }

    /// A probe on an injected clock and round trip (tests).
    init(maxAge: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant, damaged: @escaping @Sendable () -> Bool,
         roundTrip: @escaping @Sendable () async -> Answer) {
        self.maxAge = maxAge
        self.now = now
        self.damaged = damaged
        self.roundTrip = roundTrip
    }

    /// The answer without a round trip: `error` once the file is damaged,
    /// `ok` while the last successful round trip started less than `maxAge`
    /// ago; nil when a round trip is due (`probe()`).
    public func recent() -> Answer? {
        if damaged() { return .error }
        guard let last = lastOK.withLock({ $0 }), now() - last < maxAge else { return nil }
        return .ok
    }

    /// A round trip now; an `ok` is remembered from the moment it started,
    /// anything else forgets the last one.
    public func probe() async -> Answer {
        let started = now()
        let answer = await roundTrip()
        lastOK.withLock { last in
            if answer == .ok {
                if last.map({ $0 < started }) ?? true { last = started }
            } else {
                last = nil
            }
        }
        return answer
    }
}
