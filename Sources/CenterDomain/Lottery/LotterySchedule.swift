import CalendarValues

/// The instants of one lottery round for one month of use, in Japan time:
/// entries are taken while `entryOpens ≤ now ≤ entryCloses` (the last
/// second of the last entry day); the seed's commitment is published before
/// `entryCloses`; the draw runs at `drawAt`; the slots nobody won open first
/// come at `firstComeOpens`.
public struct LotterySchedule: Hashable, Sendable {
    /// Where a round stands at an instant.
    public enum Phase: String, Hashable, Sendable, Codable {
        /// Before the entry period.
        case notOpen = "not_open"
        /// Entries are taken and withdrawn.
        case entry
        /// Entries are closed; the draw has not run yet.
        case closed
        /// Drawn; the unwon slots are not open yet.
        case drawn
        /// The unwon slots are open first come.
        case firstCome = "first_come"
    }

    public let round: String
    public let useMonth: YearMonth
    public let entryOpens: Instant
    public let entryCloses: Instant
    public let drawAt: Instant
    public let firstComeOpens: Instant

    public init(round: String, useMonth: YearMonth, entryOpens: Instant, entryCloses: Instant, drawAt: Instant,
                firstComeOpens: Instant) {
        self.round = round
        self.useMonth = useMonth
        self.entryOpens = entryOpens
        self.entryCloses = entryCloses
        self.drawAt = drawAt
        self.firstComeOpens = firstComeOpens
    }

    /// The phase at `now`.
    public func phase(at now: Instant) -> Phase {
        if now < entryOpens { return .notOpen }
        if now <= entryCloses { return .entry }
        if now < drawAt { return .closed }
        if now < firstComeOpens { return .drawn }
        return .firstCome
    }
}
