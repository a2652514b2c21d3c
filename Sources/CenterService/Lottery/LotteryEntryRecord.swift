import CalendarValues
import CenterDomain
internal import Store

/// A lottery entry as the service stores and shows it (抽選申込み): what was
/// asked, its state (`entered`, `withdrawn`, then `won` or `lost` at the
/// draw), and after the draw its rank, why it lost, and the provisional
/// booking a win made. `entry` is its id on the published ballot (`E12`);
/// `applicant` the registration's pseudonym there, from the close of the
/// entries: with them an applicant finds itself in the ballot and the result.
public struct LotteryEntryRecord: Sendable, Hashable, Encodable {
    public let id: Int64
    public let entry: String
    public let round: String
    public let month: YearMonth
    public let registration: Int64
    public let facility: FacilityID
    public let date: LocalDate
    public let divisions: [DivisionID]
    public let purpose: String
    public let attendees: Int
    public let state: String
    public let applicant: String?
    public let rank: Int?
    /// Why it lost (`slot_taken`, `win_limit_reached`, …).
    public let reason: LotteryLoss?
    public let booking: Int64?
    /// The code a won entry's booking was refused with (the slot then stays open first come).
    public let bookingRefusal: String?
    public let createdAt: Instant
    public let withdrawnAt: Instant?

    enum CodingKeys: String, CodingKey {
        case id, entry, round, month, registration, facility, date, divisions, purpose, attendees, state, applicant, rank
        case reason, booking, bookingRefusal = "booking_refusal", createdAt = "created_at", withdrawnAt = "withdrawn_at"
    }

    static let columns = """
        id, round_id, use_month, registration_id, facility_id, date, divisions, purpose, attendees, state, rank, loss,
        booking_id, booking_refusal, created_at, withdrawn_at
        """

    init(row: Row, applicant: String?) throws {
        id = try row.get("id")
        entry = Self.ballotID(id)
        round = try row.get("round_id")
        month = try row.get("use_month")
        registration = try row.get("registration_id")
        facility = try row.get("facility_id")
        date = try row.get("date")
        divisions = (try row.get("divisions") as String).split(separator: ",").map { DivisionID(String($0)) }
        purpose = try row.get("purpose")
        attendees = try row.get("attendees")
        state = try row.get("state")
        rank = try row.get("rank")
        reason = try row.get("loss")
        booking = try row.get("booking_id")
        bookingRefusal = try row.get("booking_refusal")
        createdAt = try row.get("created_at")
        withdrawnAt = try row.get("withdrawn_at")
        self.applicant = applicant
    }

    /// The entry's id on the ballot: `E` and its number.
    static func ballotID(_ id: Int64) -> String { "E\(id)" }

    /// Entry `id`, or `lottery_entry_not_found` (404); a member sees only its
    /// own. Its `applicant` is given from the close of its round's entries at
    /// `now` (`rounds` says when), once the last second entries are taken
    /// and withdrawn in (`entryCloses`, inclusive) has passed: before it,
    /// each withdrawal renumbers the applicants after it, so no pseudonym is
    /// shown that could change.
    static func load(_ db: Database, id: Int64, for actor: Actor? = nil, rounds: [LotteryRound], now: Instant) throws
        -> LotteryEntryRecord {
        let notFound = Refusal(LotteryEntryLookupCode.lotteryEntryNotFound, "No lottery entry has id \(id).",
                               details: ["entry": String(id)])
        guard let row = try db.queryOne("SELECT \(columns) FROM lottery_entries WHERE id = ?", [.integer(id)]) else { throw notFound }
        let registration: Int64 = try row.get("registration_id")
        if let actor, actor.role == .member, actor.registrationID != registration { throw notFound }
        let roundID: String = try row.get("round_id"), month: YearMonth = try row.get("use_month")
        guard let round = rounds.first(where: { $0.id == roundID }), now > round.schedule(for: month).entryCloses else {
            return try LotteryEntryRecord(row: row, applicant: nil)
        }
        let names = try LotteryApplicants.pseudonyms(db, round: roundID, month: month)
        return try LotteryEntryRecord(row: row, applicant: names[registration])
    }
}

/// The applicants of a round's month under their pseudonyms (`A001`, …):
/// each registration with an entry not withdrawn, numbered in the order of
/// its first such entry. No entry is made or withdrawn after the entries
/// close, so from then on the numbering is fixed: the ballot, the result and
/// each registration's entries agree.
enum LotteryApplicants {
    static func pseudonyms(_ db: Database, round: String, month: YearMonth) throws -> [Int64: String] {
        let rows = try db.query("""
            SELECT registration_id, min(id) AS first FROM lottery_entries
            WHERE round_id = ? AND use_month = ? AND state <> 'withdrawn' GROUP BY registration_id ORDER BY first
            """, [.text(round), month.sqlValue])
        var names: [Int64: String] = [:]
        for (index, row) in rows.enumerated() { names[try row.get("registration_id")] = "A" + LocalDate.pad(index + 1, 3) }
        return names
    }
}

extension LotteryLoss: ColumnValue {}
