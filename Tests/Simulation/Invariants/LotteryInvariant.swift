import CalendarValues
import CenterDomain
import JSON

/// Lottery rounds keep their rules and their word: a registration holds at
/// most the round's entries and wins at most its division-units in a
/// round's month, no slot is won twice, entries are made and withdrawn in
/// the entry period and after the commitment, a month is drawn at its draw
/// time or later and then holds no entry undecided (nor one decided before),
/// each winner has its provisional booking (for its slots, booked at the
/// draw, `source` lottery) or the refusal that kept it from one, no other
/// booking claims to be a lottery win, and the stored result is the one
/// the stored ballot with its revealed seed draws (`LotteryDraw`), the seed
/// being the one committed to.
final class LotteryInvariant: Invariant {
    let name = "lottery.entries_and_draws"
    let reads: Set<String>? = ["lottery_entries", "lottery_months", "bookings"]

    /// Months whose stored draw was replayed already (a draw never changes).
    private var replayed: Set<String> = []

    func check(_ c: StepCheck) throws -> [String] {
        guard let rounds = c.settings.center.lottery?.rounds, !rounds.isEmpty else { return [] }
        var problems: [String] = []
        var months: [String: (drawnAt: Int64?, committedAt: Int64, commitment: String)] = [:]
        for row in try c.db.rows("SELECT round_id, use_month, drawn_at, committed_at, commitment FROM lottery_months") {
            guard let round = row[0].text, let month = row[1].text, let committed = row[3].int, let commitment = row[4].text else { continue }
            months["\(round)/\(month)"] = (row[2].int, committed, commitment)
        }
        var won: [String: [String: Int64]] = [:]
        var counts: [String: (entries: Int, units: Int)] = [:]
        for row in try c.db.rows("""
            SELECT e.id, e.round_id, e.use_month, e.registration_id, e.facility_id, e.date, e.divisions, e.state, e.booking_id,
                e.booking_refusal, e.created_at, e.withdrawn_at,
                b.registration_id, b.facility_id, b.first_date, b.last_date, b.divisions, b.source, b.created_at
            FROM lottery_entries e LEFT JOIN bookings b ON b.id = e.booking_id ORDER BY e.id
            """) {
            guard let id = row[0].int, let roundID = row[1].text, let monthText = row[2].text, let month = YearMonth(monthText),
                  let registration = row[3].int, let facility = row[4].text, let date = row[5].text, let state = row[7].text,
                  let created = row[10].int, let round = rounds.first(where: { $0.id == roundID }) else { continue }
            let key = "\(roundID)/\(monthText)"
            let divisions = (row[6].text ?? "").split(separator: ",").map(String.init)
            let schedule = round.schedule(for: month)
            let drawn = months[key]?.drawnAt
            if created < schedule.entryOpens.secondsSinceEpoch || created > schedule.entryCloses.secondsSinceEpoch {
                problems.append("lottery entry \(id) was made at \(Instant(secondsSinceEpoch: created).rfc3339), outside \(key)'s entry period")
            }
            if let withdrawn = row[11].int, withdrawn > schedule.entryCloses.secondsSinceEpoch {
                problems.append("lottery entry \(id) was withdrawn after \(key)'s entries closed")
            }
            if let committed = months[key]?.committedAt, committed > created {
                problems.append("lottery entry \(id) was made before \(key)'s commitment was published")
            } else if months[key] == nil {
                problems.append("lottery entry \(id) was made for \(key), which has no commitment")
            }
            switch (state, drawn) {
            case ("entered", _?): problems.append("lottery entry \(id) is still entered, though \(key) was drawn")
            case ("won", nil), ("lost", nil): problems.append("lottery entry \(id) is \(state), though \(key) was not drawn")
            default: break
            }
            let owner = "\(key) \(registration)"
            if state != "withdrawn" { counts[owner, default: (0, 0)].entries += 1 }
            guard state == "won" else {
                if row[8] != .null || row[9] != .null { problems.append("lottery entry \(id) is \(state) yet has a booking or its refusal") }
                continue
            }
            counts[owner, default: (0, 0)].units += divisions.count
            for division in divisions {
                let slot = "\(facility) \(date) \(division)"
                if let other = won[key]?[slot] { problems.append("\(slot) was won twice in \(key): entries \(other) and \(id)") }
                won[key, default: [:]][slot] = id
            }
            switch (row[8], row[9]) {
            case (.int(let booking), .null):
                let divisionsBooked = (row[16].text ?? "").split(separator: ",").map(String.init).sorted()
                if row[12].int != registration || row[13].text != facility || row[14].text != date || row[15].text != date
                    || divisionsBooked != divisions.sorted() || row[17].text != "lottery" || (drawn.map { row[18].int != $0 } ?? false) {
                    problems.append("lottery entry \(id) won booking \(booking), which is not its slots booked at the draw "
                        + "(\(row[12]) \(row[13]) \(row[14])…\(row[15]) \(row[16]) \(row[17]))")
                }
            case (.null, .text): break
            default: problems.append("lottery entry \(id) won, yet has \(row[8] == .null ? "neither a booking nor its refusal" : "both a booking and a refusal")")
            }
        }
        for (owner, count) in counts {
            let roundID = String(owner.prefix { $0 != "/" })
            guard let round = rounds.first(where: { $0.id == roundID }) else { continue }
            if count.entries > round.maxEntriesPerRegistration {
                problems.append("\(owner) holds \(count.entries) lottery entries; the round allows \(round.maxEntriesPerRegistration)")
            }
            if count.units > round.maxWinsPerRegistration {
                problems.append("\(owner) won \(count.units) division-units; the round allows \(round.maxWinsPerRegistration)")
            }
        }
        problems += try c.db.lines("""
            SELECT b.id, b.source FROM bookings b WHERE b.source = 'lottery'
                AND (SELECT count(*) FROM lottery_entries e WHERE e.booking_id = b.id AND e.state = 'won') <> 1
            """, [], "a booking that claims a lottery win no entry won (booking, source)")
        for (key, month) in months {
            guard let drawn = month.drawnAt else { continue }
            let parts = key.split(separator: "/").map(String.init)
            if let round = rounds.first(where: { $0.id == parts.first }), let use = parts.last.flatMap(YearMonth.init),
               drawn < round.schedule(for: use).drawAt.secondsSinceEpoch {
                problems.append("\(key) was drawn at \(Instant(secondsSinceEpoch: drawn).rfc3339), before its draw time")
            }
            // A draw without entries drew nobody (no entry is won above).
            if !replayed.contains(key), try c.db.int("""
                SELECT count(*) FROM lottery_entries WHERE round_id = ? AND use_month = ? AND state IN ('won', 'lost')
                """, [.text(parts[0]), .text(parts[1])]) > 0 {
                problems += try replay(key, c)
                replayed.insert(key)
            }
        }
        return problems
    }

    /// The stored result of a drawn month against its stored ballot drawn again.
    private func replay(_ key: String, _ c: StepCheck) throws -> [String] {
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count == 2, let row = try c.db.rows("SELECT ballot, result, commitment FROM lottery_months WHERE round_id = ? AND use_month = ?",
                                                         [.text(parts[0]), .text(parts[1])]).first,
              let ballotText = row[0].text, let resultText = row[1].text else { return ["\(key) was drawn without its ballot and result"] }
        let ballot = try JSONCodec.decodeStored(LotteryBallot.self, from: ballotText)
        let stored = try JSONCodec.decodeStored(LotteryResult.self, from: resultText)
        var problems: [String] = []
        if ballot.seed.map({ $0.matches(commitment: row[2].text ?? "") }) != true {
            problems.append("\(key)'s ballot reveals a seed that is not the one committed to")
        }
        do {
            if try LotteryDraw.draw(ballot) != stored { problems.append("\(key)'s stored result is not what its ballot draws") }
        } catch {
            problems.append("\(key)'s stored ballot is refused by the draw: \(error.message)")
        }
        let winners = Set(stored.order.filter(\.won).map(\.entry))
        let entries = try c.db.rows("SELECT id, state FROM lottery_entries WHERE round_id = ? AND use_month = ? AND state IN ('won', 'lost')",
                                    [.text(parts[0]), .text(parts[1])])
        let markedWon = Set(entries.filter { $0[1].text == "won" }.compactMap { $0[0].int.map { "E\($0)" } })
        if markedWon != winners { problems.append("\(key)'s entries marked won \(markedWon.sorted()) are not its result's winners \(winners.sorted())") }
        return problems
    }
}
