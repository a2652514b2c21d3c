import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A lottery round for one month of use as anyone may see it (公開情報):
/// its schedule and phase, the commitment once published, the seed and
/// the public summary (per slot asked for: entries, whether it was won; no
/// names) once drawn, and how many entries and applicants it has.
public struct LotteryRoundMonth: Sendable, Hashable, Encodable {
    public let round: String
    public let nameJa: String
    public let nameEn: String
    public let month: YearMonth
    public let facilities: [FacilityID]
    public let participants: [UserCategory]
    public let phase: LotterySchedule.Phase
    public let entryOpens: Instant
    public let entryCloses: Instant
    public let drawAt: Instant
    public let firstComeOpens: Instant
    /// SHA-256 of the seed, published when the entries open.
    public let commitment: String?
    public let committedAt: Instant?
    /// Revealed at the draw.
    public let seed: LotterySeed?
    public let drawnAt: Instant?
    /// Live entries (before the draw) or entries drawn (after).
    public let entries: Int
    public let applicants: Int
    public let maxEntriesPerRegistration: Int
    public let maxWinsPerRegistration: Int
    /// After the draw: per slot asked for, entries and whether it was won.
    public let summary: [LotteryResult.SlotSummary]

    enum CodingKeys: String, CodingKey {
        case round, month, facilities, participants, phase, commitment, seed, entries, applicants, summary
        case nameJa = "name_ja", nameEn = "name_en", entryOpens = "entry_opens", entryCloses = "entry_closes"
        case drawAt = "draw_at", firstComeOpens = "first_come_opens", committedAt = "committed_at", drawnAt = "drawn_at"
        case maxEntriesPerRegistration = "max_entries_per_registration", maxWinsPerRegistration = "max_wins_per_registration"
    }

    init(round: LotteryRound, month: YearMonth, now: Instant, stored: LotteryMonthRow?, entries: Int, applicants: Int) {
        let schedule = round.schedule(for: month)
        self.round = round.id
        nameJa = round.nameJa
        nameEn = round.nameEn
        self.month = month
        facilities = round.facilities
        participants = round.participants
        phase = schedule.phase(at: now)
        entryOpens = schedule.entryOpens
        entryCloses = schedule.entryCloses
        drawAt = schedule.drawAt
        firstComeOpens = schedule.firstComeOpens
        commitment = stored?.commitment
        committedAt = stored?.committedAt
        seed = stored?.ballot?.seed
        drawnAt = stored?.drawnAt
        self.entries = entries
        self.applicants = applicants
        maxEntriesPerRegistration = round.maxEntriesPerRegistration
        maxWinsPerRegistration = round.maxWinsPerRegistration
        summary = stored?.result?.summary ?? []
    }
}

/// A `lottery_months` row: the commitment, and after the draw the ballot
/// it read (with the seed) and the result.
struct LotteryMonthRow: Sendable {
    let commitment: String
    let committedAt: Instant
    let drawnAt: Instant?
    let ballot: LotteryBallot?
    let result: LotteryResult?

    static func load(_ db: Database, round: String, month: YearMonth) throws -> LotteryMonthRow? {
        guard let row = try db.queryOne("""
            SELECT commitment, committed_at, drawn_at, ballot, result FROM lottery_months WHERE round_id = ? AND use_month = ?
            """, [.text(round), month.sqlValue]) else { return nil }
        let ballot: String? = try row.get("ballot"), result: String? = try row.get("result")
        return LotteryMonthRow(commitment: try row.get("commitment"), committedAt: try row.get("committed_at"),
                               drawnAt: try row.get("drawn_at"),
                               ballot: try ballot.map { try JSONCodec.decodeStored(LotteryBallot.self, from: $0) },
                               result: try result.map { try JSONCodec.decodeStored(LotteryResult.self, from: $0) })
    }

    /// Publishes the commitment of a fresh seed for `round`'s `month`, unless
    /// one is published already; the seed goes to `lottery_seeds` alone.
    @discardableResult
    static func commit(_ db: Database, round: String, month: YearMonth, now: Instant) throws -> Bool {
        guard try load(db, round: round, month: month) == nil else { return false }
        var generator = SystemRandomNumberGenerator()
        let seed = LotterySeed.generate(using: &generator)
        try db.run("INSERT INTO lottery_months (round_id, use_month, commitment, committed_at) VALUES (?, ?, ?, ?)",
                   [.text(round), month.sqlValue, .text(seed.commitment), now.sqlValue])
        try db.run("INSERT INTO lottery_seeds (round_id, use_month, seed) VALUES (?, ?, ?)",
                   [.text(round), month.sqlValue, .text(seed.hex)])
        try AuditLog.append(db, at: now, actor: "system:lottery", action: "lottery.commit", entity: "lottery_round",
                            entityID: "\(round)/\(month)", after: ["commitment": seed.commitment])
        return true
    }
}
