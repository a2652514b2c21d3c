import CalendarValues
import CenterDomain
import CenterService

/// A rule the center must keep whatever happens, checked after every step
/// against the database (plain SQL through `DatabaseReader`) and the
/// answers. One file each; one that lands with another area (lotteries,
/// waiting lists) is one more file and one more entry in
/// `InvariantCatalogue.all`. An invariant may keep what it needs from one
/// step to the next (the audit trail); a fresh one is made for each run.
public protocol Invariant: AnyObject {
    /// Its name in a failure report: `units.no_overlap`.
    var name: String { get }
    /// What is wrong after the step, one line each; empty when it holds.
    func check(_ check: StepCheck) throws -> [String]
    /// The tables it judges, when it judges nothing else (no answer, no
    /// evidence): after a step that changed none of them it is not checked
    /// again, its verdict being the one it gave before. nil (the default):
    /// checked after every step.
    var reads: Set<String>? { get }
    /// Whether its verdict on those tables turns on the day (a check of the
    /// days from today on): it is checked again when the day changes.
    var readsToday: Bool { get }
}

extension Invariant {
    public var reads: Set<String>? { nil }
    public var readsToday: Bool { false }
}

/// Every invariant, fresh for one run.
public enum InvariantCatalogue {
    public static func all() -> [any Invariant] {
        [
            LiveUnitsInvariant(),
            DeskPassInvariant(),
            LockerInvariant(),
            StorageInvariant(),
            MonthlyCapInvariant(),
            ConsecutiveDaysInvariant(),
            CommunityQuotaInvariant(),
            RegistrationValidityInvariant(),
            ClosedDayInvariant(),
            UseWithinValidityInvariant(),
            NotInThePastInvariant(),
            MoneyInvariant(),
            RefundRuleInvariant(),
            ReceiptsInvariant(),
            TakingsInvariant(),
            DaySheetInvariant(),
            SearchInvariant(),
            LotteryInvariant(),
            WaitingListInvariant(),
            SeriesInvariant(),
            HoldDeadlineInvariant(),
            AuditTrailInvariant(),
            IdempotencyInvariant(),
            DurabilityInvariant(),
            RefusalLeavesNothingInvariant(),
            TimerRepeatInvariant(),
            RoadmapStateInvariant(),
            ServiceLogInvariant(),
        ]
    }
}

/// One step as the invariants see it: the operation and its outcome, what
/// it observed, the database before and after it, and the calendar as the
/// database and the configuration make it.
public struct StepCheck {
    public let step: Int
    public let operation: any SimOperation
    public let outcome: Outcome
    public let evidence: StepEvidence
    public let before: TableImages
    public let after: TableImages
    public let center: SimulatedCenter
    public let calendar: CalendarOracle
    /// The tables whose rows the step changed (`audit_log` and
    /// `idempotency_keys` when lines or records were added).
    public var changedTables: Set<String> = []

    public var db: DatabaseReader { center.reader }
    public var settings: CenterSettings { center.settings }
    public var now: Instant { center.now }
    public var today: LocalDate { center.today }
    /// The value the step was answered with the first time, if any.
    public var value: AnsweredValue? { outcome.answer?.value }
}

/// The invariants' SQL helpers.
extension DatabaseReader {
    /// One line per row of `sql`, its columns joined: what a "no such rows"
    /// invariant reports.
    func lines(_ sql: String, _ arguments: [Cell] = [], _ label: String) throws -> [String] {
        try rows(sql + " LIMIT 5", arguments).map { row in label + ": " + row.map(\.description).joined(separator: " ") }
    }
}
