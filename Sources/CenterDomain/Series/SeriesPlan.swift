import CalendarValues

/// A series booking's dates (定期利用の日程): every date of `pattern` from
/// `from` through `through`, split at the category's window: the dates a
/// booking can be asked for today, and those whose window opens later (staff
/// book them in a later request). Each date is then checked by every booking
/// rule (`SeriesBooking.attempt`). docs/DOMAIN.md "Series bookings (定期利用)".
public struct SeriesPlan: Hashable, Sendable {
    public let pattern: SeriesPattern
    public let from: LocalDate
    public let through: LocalDate

    /// The last day a series starting on `from` may reach: a year, the day
    /// before the same date a year later.
    public static func latestThrough(from: LocalDate) -> LocalDate { from.adding(months: 12).adding(days: -1) }

    /// Refuses `date_range_invalid` when `through` is before `from`,
    /// `series_too_long` past a year (`latestThrough`), and `series_pattern_invalid`.
    public init(pattern: SeriesPattern, from: LocalDate, through: LocalDate) throws(Refusal<SeriesPlan.Code>) {
        guard through >= from else {
            throw Refusal(.dateRangeInvalid, "`from` (\(from)) is after `through` (\(through)).",
                          details: ["from": from.description, "through": through.description])
        }
        let latest = Self.latestThrough(from: from)
        guard through <= latest else {
            throw Refusal(.seriesTooLong, "A series may span at most a year: from \(from) through \(latest).",
                          details: ["from": from.description, "through": through.description, "latest_through": latest.description])
        }
        do throws(Refusal<SeriesPattern.Code>) {
            try pattern.check()
        } catch {
            throw error.recast(as: .seriesPatternInvalid)
        }
        self.pattern = pattern
        self.from = from
        self.through = through
    }

    /// The dates of the series, those up to `horizon` (nil: no bound) and those after it.
    public func dates(horizon: LocalDate?) -> (withinWindow: [LocalDate], afterWindow: [LocalDate]) {
        let all = from.dates(through: through).filter(pattern.contains)
        guard let horizon else { return (all, []) }
        return (all.filter { $0 <= horizon }, all.filter { $0 > horizon })
    }

    /// The last use date whose window `opening` has opened on `today` (nil:
    /// the category has no window, so no date bounds it). Roll-forward past
    /// closed days only delays an opening, so the search walks back from the
    /// date the plain rule would give, at most 366 days (the roll-forward's
    /// own bound).
    public static func horizon(opening: WindowOpening?, today: LocalDate, isClosed: (LocalDate) -> Bool) -> LocalDate? {
        guard let opening else { return nil }
        var candidate: LocalDate
        switch opening.rule {
        case .firstOfMonth(let months):
            candidate = today.adding(months: months).lastOfMonth
        case .sameDayOfMonth(let months):
            candidate = today == today.lastOfMonth ? today.adding(months: months).lastOfMonth : today.adding(months: months)
        case .daysBefore(let days):
            candidate = today.adding(days: days)
        }
        var steps = 0
        while opening.opening(for: candidate, isClosed: isClosed) > today {
            guard steps < 366 else { return today.adding(days: -1) }
            candidate = candidate.adding(days: -1)
            steps += 1
        }
        return candidate
    }
}

/// What one date of a series came to: booked, or refused with the rule's
/// code, so staff see which dates to rearrange.
public enum SeriesOutcome<Booked: Sendable, Code: ErrorCode>: Sendable {
    case booked(Booked)
    case refused(Refusal<Code>)
}

/// One date of a series and its outcome.
public struct SeriesDateResult<Booked: Sendable, Code: ErrorCode>: Sendable {
    public let date: LocalDate
    public let outcome: SeriesOutcome<Booked, Code>

    public init(date: LocalDate, outcome: SeriesOutcome<Booked, Code>) {
        self.date = date
        self.outcome = outcome
    }

    /// The refusal's code, nil when booked.
    public var refusalCode: String? {
        if case .refused(let refusal) = outcome { return refusal.code.rawValue }
        return nil
    }
}

/// Books a series date by date (docs/DOMAIN.md "Series bookings (定期利用)").
public enum SeriesBooking {
    /// Runs `book` (every booking rule, then the booking) for each date in
    /// order, and collects each date's outcome: a refusal with a code of
    /// `Code` (`Code.lift`) is that date's answer and does not stop the
    /// others, so each later date sees the earlier ones booked and a monthly
    /// limit refuses the dates past it; any other error stops the series and
    /// is rethrown (the caller's store failed).
    public static func attempt<Booked: Sendable, Code: ErrorCode>(
        _ dates: [LocalDate], as codes: Code.Type, _ book: (LocalDate) throws -> Booked) rethrows -> [SeriesDateResult<Booked, Code>] {
        try dates.map { date in
            do {
                return SeriesDateResult(date: date, outcome: .booked(try book(date)))
            } catch {
                guard let refusal = Code.lift(error) else { throw error }
                return SeriesDateResult(date: date, outcome: .refused(refusal))
            }
        }
    }
}

extension SeriesPlan {
    /// What a series' dates are refused with.
    public enum Code: String, ErrorCode {
        case dateRangeInvalid = "date_range_invalid"
        case seriesTooLong = "series_too_long"
        case seriesPatternInvalid = "series_pattern_invalid"
    }
}
