import CalendarValues
import CenterDomain
import CenterService
import Foundation
import Synchronization

/// The real service as the simulation drives it: the use cases over a real
/// SQLite file, on a manual clock, with store faults injectable. A "death"
/// is a process killed between two requests: the files are copied as they
/// lie on disk (the database and its WAL, not the shared-memory index, which
/// SQLite rebuilds), the old service is dropped, and a new one starts on the
/// copy as `serve` would, restoring the roadmap updates from the database.
public final class SimulatedCenter {
    public let settings: CenterSettings
    public let clock: ManualClock
    public private(set) var service: CenterService
    public private(set) var faults: InjectedFaults
    /// The checker's own connection to the current database file.
    public private(set) var reader: DatabaseReader
    /// How many times the process has "died" so far.
    public private(set) var deaths = 0
    private let root: String
    private let log: ErrorLog

    /// The error lines the service logged since the last `takeErrorLines()`
    /// (a refusal its use case does not declare is logged so: a defect).
    public func takeErrorLines() -> [String] { log.take() }

    public var databasePath: String { "\(root)/life-\(deaths)/center.sqlite" }

    /// The service's secret seeds (lottery commitments, drawn waiting
    /// lines), drawn from the run's seed so that a run replays exactly.
    private let seeds: SimulatedSeeds

    /// A fresh center at `start` on its own temporary database, its secret
    /// seeds drawn from `seed`.
    public init(settings: CenterSettings, start: Instant, seed: UInt64 = 0) async throws {
        self.settings = settings
        clock = ManualClock(now: start)
        seeds = SimulatedSeeds(seed: seed ^ 0x5345_4544_53)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("simulation-\(UUID().uuidString)").path
        log = ErrorLog()
        faults = InjectedFaults()
        let path = "\(root)/life-0/center.sqlite"
        service = try await Self.start(path: path, settings: settings, clock: clock, seeds: seeds, faults: faults, log: log)
        reader = try DatabaseReader(path: path)
    }

    private static func start(path: String, settings: CenterSettings, clock: ManualClock, seeds: SimulatedSeeds,
                              faults: InjectedFaults, log: ErrorLog) async throws -> CenterService {
        // synchronous = NORMAL: a process crash (what a death is) loses no
        // commit in WAL mode; only a power cut could, which this does not model.
        let store = try CenterStore.open(path: path, synchronousFull: false, faults: faults)
        return try await CenterService.start(settings: settings, store: store, clock: clock, seeds: seeds, log: log.serviceLog)
    }

    /// The process dies between two requests and is started again on the
    /// files it left. Injected faults still pending die with it.
    public func die() async throws {
        let old = databasePath
        deaths += 1
        let new = databasePath
        let files = FileManager.default
        try files.createDirectory(atPath: (new as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try files.copyItem(atPath: old, toPath: new)
        if files.fileExists(atPath: old + "-wal") { try files.copyItem(atPath: old + "-wal", toPath: new + "-wal") }
        service.close()
        try? files.removeItem(atPath: (old as NSString).deletingLastPathComponent)
        faults = InjectedFaults()
        service = try await Self.start(path: new, settings: settings, clock: clock, seeds: seeds, faults: faults, log: log)
        reader = try DatabaseReader(path: new)
    }

    /// Closes the service and removes the files.
    public func close() {
        service.close()
        try? FileManager.default.removeItem(atPath: root)
    }

    public var now: Instant { clock.now() }
    public var today: LocalDate { clock.now().japanDate }
}

/// Collects the service's error lines.
final class ErrorLog: Sendable {
    private let lines = Mutex<[String]>([])

    var serviceLog: ServiceLog {
        ServiceLog { [self] level, message, fields in
            guard level == .error else { return }
            let text = message + " " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            lines.withLock { $0.append(text) }
        }
    }

    func take() -> [String] { lines.withLock { taken in defer { taken = [] }; return taken } }
}

/// Secret seeds from the run's own random numbers: the same run draws the
/// same lots.
final class SimulatedSeeds: SeedSource {
    private let random: Mutex<SimulationRandom>

    init(seed: UInt64) { random = Mutex(SimulationRandom(seed: seed)) }

    func next() -> LotterySeed {
        random.withLock { random in
            let hex = (0..<32).map { _ in
                let byte = UInt8(truncatingIfNeeded: random.next())
                return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
            }.joined()
            return LotterySeed(hex: hex) ?? SystemSeedSource().next()
        }
    }
}
