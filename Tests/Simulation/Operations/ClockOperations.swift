import CalendarValues
import CenterDomain
import CenterService

/// The clock moving (never back): by minutes to months, and to the moments
/// the rules turn on: the end of a division or of a desk's check-in grace,
/// the last seconds of a day (payment deadlines are 23:59:59), of a month,
/// of a fiscal year (3-31 → 4-1), the eve of the year-end closure, the
/// morning, afternoon or evening of a booked day, and the days a lottery
/// round turns on.
public struct ClockOperations: OperationFamily {
    public let name = "clock"

    public func weight(_ view: WorldView) -> Int { 22 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        // Near the turn of the fiscal year or the calendar year, aim at it.
        let month = view.today.month
        let fiscalYearEnd = month == 3 || month == 2 ? 3 : 0, yearEnd = month == 12 || month == 11 ? 3 : 0
        let lottery = view.settings.center.lottery == nil ? 0 : 2
        switch random.weighted([16, 8, 4, 1, 1, 4, 1, fiscalYearEnd, yearEnd, 3, lottery]) ?? 0 {
        case 0: return AdvanceOperation(seconds: Int64(random.int(1...180)) * 60)
        case 1: return AdvanceOperation(seconds: Int64(random.int(3...48)) * 3600)
        case 2: return AdvanceOperation(seconds: Int64(random.int(2...10)) * 86400)
        case 3: return AdvanceOperation(seconds: Int64(random.int(11...31)) * 86400)
        case 4: return AdvanceOperation(seconds: Int64(random.int(32...92)) * 86400)
        case 5:
            // 09:31 (a morning desk pass's grace has passed), 11:59, 12:00, 17:00, 21:59, 23:59:59.
            let seconds = [9 * 3600 + 31 * 60, 11 * 3600 + 59 * 60, 12 * 3600, 17 * 3600, 21 * 3600 + 59 * 60, 86399]
            return MomentOperation(moment: .timeOfDay(random.pick(seconds) ?? 0))
        case 6: return MomentOperation(moment: .monthEnd)
        case 7: return MomentOperation(moment: .fiscalYearEnd)
        case 8: return MomentOperation(moment: .yearEndEve)
        case 9: return try toBookedDay(&random, view)
        default: return toLotteryDay(&random, view)
        }
    }

    /// To the next moment a lottery round turns on, this month or the
    /// next: its entries opening (some minutes after), a day of the entry
    /// period, the draw, the first-come opening.
    private func toLotteryDay(_ random: inout SimulationRandom, _ view: WorldView) -> any SimOperation {
        guard let round = random.pick(view.settings.center.lottery?.rounds ?? []) else { return AdvanceOperation(seconds: 3600) }
        let (day, minute): (Int, Int) = switch random.int(0...3) {
        case 0: (round.entry.fromDay, random.int(1...600))
        case 1: (random.int(round.entry.fromDay...round.entry.toDay), random.int(540...1200))
        case 2: (round.draw.day, round.draw.time.minuteOfDay + random.int(0...30))
        default: (round.firstCome.day, round.firstCome.time.minuteOfDay + random.int(0...60))
        }
        let now = view.now
        let month = view.today.yearMonth
        let target = [month, month.adding(months: 1)].map { Instant(japanDate: LocalDate(clampingYear: $0.year, month: $0.month, day: day),
                                                                    minuteOfDay: minute) }
            .first { $0 > now } ?? now.adding(seconds: 3600)
        return MomentOperation(moment: .at(target))
    }

    /// To a day a live booking is for, within six weeks: just before its
    /// first division starts, or some minutes into it, so the counter's
    /// check-ins and no-shows meet their bookings.
    private func toBookedDay(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let days = try view.db.rows("""
            SELECT DISTINCT u.date FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live = 1 AND b.state IN ('provisional', 'paid') AND u.date >= ?1 AND u.date <= date(?1, '+42 days') ORDER BY u.date
            """, [.text(view.today.description)]).compactMap { $0.first?.text.flatMap(LocalDate.init) }
        guard let day = random.pick(days) else { return AdvanceOperation(seconds: Int64(random.int(3...48)) * 3600) }
        let start = [540, 780, 1080][random.int(0...2)]
        return MomentOperation(moment: .at(Instant(japanDate: day, minuteOfDay: start + random.int(-10...90))))
    }
}

/// The clock moves on by `seconds`.
struct AdvanceOperation: SimOperation {
    let seconds: Int64

    var isKeyed: Bool { false }
    var description: String {
        seconds >= 86400 ? "advance \(seconds / 86400) days" : seconds >= 3600 ? "advance \(seconds / 3600) h" : "advance \(seconds / 60) min"
    }

    func run(_ context: StepContext) async -> Outcome {
        context.center.clock.advance(seconds: seconds)
        return .done("now \(context.now.rfc3339)")
    }
}

/// The clock moves to the next of a moment the rules turn on.
struct MomentOperation: SimOperation {
    /// A moment the rules turn on.
    enum Moment: Sendable {
        /// A time of day (seconds after midnight in Japan), today or tomorrow.
        case timeOfDay(Int)
        /// 30 seconds before the end of this month.
        case monthEnd
        /// 30 seconds before the end of the fiscal year (3-31 23:59:30).
        case fiscalYearEnd
        /// 30 seconds before the year-end closure (12-28 23:59:30).
        case yearEndEve
        /// A given moment, when it is still ahead.
        case at(Instant)
    }

    let moment: Moment

    var isKeyed: Bool { false }
    var description: String {
        switch moment {
        case .timeOfDay(let s): "to \(LocalDate.pad(s / 3600, 2)):\(LocalDate.pad(s / 60 % 60, 2)):\(LocalDate.pad(s % 60, 2))"
        case .monthEnd: "to the end of the month"
        case .fiscalYearEnd: "to the end of the fiscal year"
        case .yearEndEve: "to the eve of the year-end closure"
        case .at(let instant): "to \(instant.rfc3339)"
        }
    }

    func run(_ context: StepContext) async -> Outcome {
        let now = context.now, today = context.today
        let target: Instant
        switch moment {
        case .timeOfDay(let seconds):
            let todays = Instant(japanDate: today).adding(seconds: Int64(seconds))
            target = todays > now ? todays : todays.adding(seconds: 86400)
        case .monthEnd:
            target = Self.beforeStart(of: today.lastOfMonth.adding(days: 1), after: now)
        case .fiscalYearEnd:
            target = Self.beforeStart(of: FiscalYear(containing: today).last.adding(days: 1), after: now)
        case .yearEndEve:
            let thisYear = LocalDate(clampingYear: today.year, month: 12, day: 29)
            target = Self.beforeStart(of: thisYear, after: now, orElse: LocalDate(clampingYear: today.year + 1, month: 12, day: 29))
        case .at(let instant):
            target = instant
        }
        context.center.clock.set(max(target, now))
        return .done("now \(context.now.rfc3339)")
    }

    /// 30 seconds before `date` starts, when that is still ahead; else before `later`.
    static func beforeStart(of date: LocalDate, after now: Instant, orElse later: LocalDate? = nil) -> Instant {
        let target = Instant(japanDate: date).adding(seconds: -30)
        if target > now { return target }
        return Instant(japanDate: later ?? date.adding(months: 1)).adding(seconds: -30)
    }
}
