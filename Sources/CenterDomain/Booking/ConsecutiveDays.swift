import CalendarValues

/// The consecutive-day limit (連続使用日数): one registration may use one
/// facility on at most `maxDays` consecutive days, and an event may not span
/// a closed day.
///
/// The limit counts days, not requests: the days a new request asks for join
/// the days the same registration already holds the same facility (any live
/// booking, any division) right before and after them, so a long run cannot
/// be split into several requests to get around it.
///
/// The categories in `exempt_categories` of the `limits` object (default:
/// the ward's own use, 区の使用) are exempt, as they are from the monthly
/// cap: the ward's multi-week events (e.g. tax-return counselling in a hall)
/// are not held to a user's limit.
///
/// Configurable default, comparable wards (Koto 産業会館: 連続して3日以内).
/// Closed days: 条例 第8条 and 目的外使用運営要綱 第2条 (no use on closed days);
/// whether a date is closed comes from the calendar module as `isClosed`.
public struct ConsecutiveDays: Hashable, Sendable, Codable {
    public var maxDays: Int
    /// Categories the limit does not apply to (closed days still do).
    public var exemptCategories: [UserCategory]

    public init(maxDays: Int = 3, exemptCategories: [UserCategory] = [.ward]) {
        self.maxDays = maxDays
        self.exemptCategories = exemptCategories
    }

    enum CodingKeys: String, CodingKey { case maxDays = "max_consecutive_days", exemptCategories = "exempt_categories" }

    /// Checks a request for `first` through `last` by a registration of
    /// `category` (nil: one the limit applies to):
    /// `date_range_invalid` when reversed; `consecutive_day_limit` when the
    /// run it makes with `heldDays` (the days the same registration already
    /// holds the facility) is longer than `maxDays` (details: the run's
    /// `from`, `to`, `days` and the `limit`); `facility_closed` naming the
    /// first closed date inside the request.
    public func check(first: LocalDate, last: LocalDate, category: UserCategory? = nil, heldDays: Set<LocalDate> = [],
                      isClosed: (LocalDate) -> Bool) throws(Refusal<ConsecutiveDays.Code>) {
        guard last >= first else {
            throw Refusal(.dateRangeInvalid, "`from` (\(first)) is after `to` (\(last)).",
                          details: ["from": first.description, "to": last.description])
        }
        let run = self.run(first: first, last: last, heldDays: heldDays)
        let days = run.from.days(until: run.to) + 1
        guard !applies(to: category) || days <= maxDays else {
            let joined = run.from < first || run.to > last
            let message = joined
                ? "With the days it already holds (\(run.from)–\(run.to)), this registration would use the facility \(days) consecutive days; at most \(maxDays) are allowed."
                : "An event may run at most \(maxDays) consecutive days."
            throw Refusal(.consecutiveDayLimit, message,
                          details: ["from": run.from.description, "to": run.to.description,
                                        "days": String(days), "limit": String(maxDays)])
        }
        for offset in 0...first.days(until: last) {
            let date = first.adding(days: offset)
            if isClosed(date) {
                throw Refusal(.facilityClosed, "The center is closed on \(date).",
                              details: ["date": date.description])
            }
        }
    }

    /// Whether the limit applies to a registration of `category` (nil: yes).
    public func applies(to category: UserCategory?) -> Bool { !(category.map(exemptCategories.contains) ?? false) }

    /// The run of consecutive days `first`…`last` extends to through
    /// `heldDays`; it looks at most `maxDays` days beyond either end, enough
    /// to tell whether the limit is exceeded.
    public func run(first: LocalDate, last: LocalDate, heldDays: Set<LocalDate>) -> (from: LocalDate, to: LocalDate) {
        var from = first, to = last
        var steps = 0
        while steps < maxDays, heldDays.contains(from.adding(days: -1)) {
            from = from.adding(days: -1)
            steps += 1
        }
        steps = 0
        while steps < maxDays, heldDays.contains(to.adding(days: 1)) {
            to = to.adding(days: 1)
            steps += 1
        }
        return (from, to)
    }

    /// The dates a look-up of held days must cover around `first`…`last`.
    public func neighbourhood(first: LocalDate, last: LocalDate) -> (from: LocalDate, to: LocalDate) {
        (first.adding(days: -maxDays), last.adding(days: maxDays))
    }
}

extension ConsecutiveDays {
    /// What a run of days is refused with.
    public enum Code: String, ErrorCode {
        case dateRangeInvalid = "date_range_invalid"
        case consecutiveDayLimit = "consecutive_day_limit"
        case facilityClosed = "facility_closed"
    }
}
