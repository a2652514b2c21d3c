import CalendarValues
import CenterDomain
import CenterService
@testable import Simulation
import Testing

/// A center the simulation runs on (a Wednesday, 2026-11-25 10:00 in
/// Japan), where a test runs real operations, then plants a violation
/// straight into the database with the checker's own connection (dropping
/// the schema's guard first where it has one), and asks which invariants
/// now fail: each invariant must catch what it is about.
final class PlantedCenter {
    static let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate.earliest

    let runner: Runner
    private var next = 0

    init() async throws {
        runner = try await Runner(settings: try Simulation.settings(), start: Instant(japanDate: Self.today, minuteOfDay: 600))
    }

    deinit { runner.close() }

    var service: CenterService { runner.center.service }

    /// Runs `operation` as the next step; it must break nothing. Returns the
    /// step's outcome and the reference of what it made.
    @discardableResult
    func run(_ operation: any SimOperation) async throws -> (outcome: Outcome, ref: Ref) {
        let step = Step(index: next, operation: operation)
        next += 1
        if let broken = try await runner.run(step) { Issue.record("a real operation broke an invariant: \(broken)") }
        return (runner.world.outcomes[step.index] ?? .skipped("not run"), Ref(step: step.index))
    }

    /// A registration of `category`, valid two years from today.
    func register(_ category: UserCategory = .general) async throws -> Ref {
        try await run(RegisterOperation(category: category, inWard: true, validFromOffset: 0, validDays: nil, corporateNumber: nil)).ref
    }

    /// Books a room for `holder` (meeting-room-1 on Thursday 2026-12-10 unless told).
    @discardableResult
    func book(_ holder: Ref, _ facility: FacilityID = "meeting-room-1", on date: String = "2026-12-10", days: Int = 1,
              divisions: [DivisionID] = [.am]) async throws -> (outcome: Outcome, ref: Ref) {
        try await run(Self.booking(holder, facility, on: date, days: days, divisions: divisions))
    }

    static func booking(_ holder: Ref, _ facility: FacilityID = "meeting-room-1", on date: String = "2026-12-10", days: Int = 1,
                        divisions: [DivisionID] = [.am]) -> BookOperation {
        BookOperation(registration: holder, facility: facility, date: day(date), days: days, divisions: divisions, attendees: 5,
                      guardian: nil, commercial: false, asMember: false)
    }

    /// Runs SQL on the database behind the service's back.
    func plant(_ statements: String...) throws {
        let db = try DatabaseReader(path: runner.center.databasePath, writable: true)
        for statement in statements { try db.run(statement) }
    }

    /// The names of the invariants broken now, judged as a step that did
    /// `operation` with `outcome` and `evidence`.
    func broken(operation: any SimOperation = AdvanceOperation(seconds: 0), outcome: Outcome = .done("planted"),
                evidence: StepEvidence = StepEvidence()) throws -> Set<String> {
        let step = Step(index: next, operation: operation)
        next += 1
        return Set(try runner.judge(step, outcome: outcome, evidence: evidence).map(\.invariant))
    }

    /// The database's images now, in full.
    func images() throws -> TableImages { try TableImages.take(runner.center.reader, plan: runner.plan, full: true) }

    static func day(_ text: String) -> LocalDate { LocalDate(text) ?? LocalDate.earliest }
}
