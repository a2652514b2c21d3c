import CalendarValues
import CenterDomain
internal import Store

/// Builds the ballot of a round's month from the store, inside the caller's
/// transaction (docs/DOMAIN.md "The published ballot"): the entries not
/// withdrawn under their ballot ids, the applicants under their pseudonyms
/// with their tier and `wins_allowed`, the slots of the round's rooms still
/// free (open, not booked) in the round's facility order, then date, then the
/// room's division order, and the community quota of each quota room whose
/// month any date of is still protected.
struct LotteryBallotBuilder {
    let db: Database
    let center: CenterConfiguration
    let calendar: CenterCalendar
    let now: Instant

    /// One entry row as the draw needs it.
    struct EntryRow {
        let id: Int64
        let registration: Int64
        let facility: FacilityID
        let date: LocalDate
        let divisions: [DivisionID]
        let purpose: String
        let attendees: Int
    }

    /// The ballot with `commitment` and `seed` (nil before the draw), and the entries it lists.
    func build(round: LotteryRound, month: YearMonth, commitment: String, seed: LotterySeed?) throws
        -> (ballot: LotteryBallot, entries: [String: EntryRow]) {
        let today = now.japanDate
        let rows = try db.query("""
            SELECT id, registration_id, facility_id, date, divisions, purpose, attendees FROM lottery_entries
            WHERE round_id = ? AND use_month = ? AND state <> 'withdrawn' ORDER BY id
            """, [.text(round.id), month.sqlValue]).map { row in
            EntryRow(id: try row.get("id"), registration: try row.get("registration_id"), facility: try row.get("facility_id"),
                     date: try row.get("date"),
                     divisions: (try row.get("divisions") as String).split(separator: ",").map { DivisionID(String($0)) },
                     purpose: try row.get("purpose"), attendees: try row.get("attendees"))
        }
        let names = try LotteryApplicants.pseudonyms(db, round: round.id, month: month)
        var applicants: [LotteryApplicant] = []
        let facilityClass = round.facilities.first.flatMap(center.facility).map(MonthlyLimit.facilityClass(of:)) ?? ""
        for registration in names.sorted(by: { $0.value < $1.value }) {
            let standing = try RegistrationStanding.load(db, id: registration.key)
            let tier = round.tier(category: standing.category, inWard: standing.inWard)?.id ?? round.tiers.last?.id ?? ""
            let held = try db.query("""
                SELECT u.facility_id, u.date, u.division, u.registration_id, b.category
                FROM booking_units u JOIN bookings b ON b.id = u.booking_id
                WHERE u.live = 1 AND u.registration_id = ? AND u.date BETWEEN ? AND ?
                """, [.integer(standing.id), month.firstDay.sqlValue, month.lastDay.sqlValue]).map { try BookingLedger.unit($0) }
            let unitsHeld = MonthlyLimit.unitsBooked(registration: String(standing.id), month: month, facilityClass: facilityClass,
                                                     bookings: held, catalogue: center.catalogue)
            let suspended = (try? standing.registration.checkCanBook(today: today)) == nil
            let wins = suspended ? 0 : round.winsAllowed(category: standing.category, unitsHeld: unitsHeld, limit: center.limits.monthly)
            applicants.append(LotteryApplicant(id: registration.value, tier: tier, winsAllowed: wins))
        }
        let days = try BookableCalendar.load(db, calendar: calendar, from: month.firstDay, to: month.lastDay)
        var available: [DivisionSlot] = []
        var quota: [LotteryQuota] = []
        for facility in round.facilities.compactMap(center.facility) {
            let units = try BookingLedger.facilityUnits(db, facility: facility.id, from: month.firstDay, to: month.lastDay).map(\.unit)
            let live = Set(units.map { DivisionSlot(facility: $0.facility, date: $0.date, division: $0.division) })
            for date in month.dates where !days.isClosed(date, facility: facility.id) {
                for division in facility.divisions {
                    let slot = DivisionSlot(facility: facility.id, date: date, division: division)
                    if !live.contains(slot) { available.append(slot) }
                }
            }
            if let rule = center.quota(for: facility.id), rule.isProtected(useDate: month.lastDay, today: today) {
                let bookable = CommunityQuota.bookableUnits(in: month, divisionsPerDay: facility.unitsPerDay) {
                    days.isClosed($0, facility: facility.id)
                }
                quota.append(LotteryQuota(facility: facility.id, quota: rule, bookableUnits: bookable,
                                          nonCommunityBooked: CommunityQuota.nonCommunityUnits(facility: facility.id, month: month,
                                                                                              bookings: units)))
            }
        }
        var entries: [String: EntryRow] = [:]
        let ballotEntries = rows.compactMap { row -> LotteryEntry? in
            guard let applicant = names[row.registration] else { return nil }
            let id = LotteryEntryRecord.ballotID(row.id)
            entries[id] = row
            return LotteryEntry(id: id, applicant: applicant, facility: row.facility, date: row.date, divisions: row.divisions)
        }
        let ballot = LotteryBallot(round: round.id, month: month, commitment: commitment, seed: seed, tiers: round.tiers.map(\.id),
                                   available: available, quota: quota, applicants: applicants, entries: ballotEntries)
        return (ballot, entries)
    }
}
