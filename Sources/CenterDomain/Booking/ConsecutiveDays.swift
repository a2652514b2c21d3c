/// The consecutive-day limit of one event (連続使用日数): a multi-day event may
/// run at most `maxDays` consecutive days, and may not span a closed day.
///
/// Configurable default, comparable wards (Koto 産業会館: 連続して3日以内).
/// Closed days: 条例 第8条 and 目的外使用運営要綱 第2条 (no use on closed days);
/// whether a date is closed comes from the calendar module as `isClosed`.
public struct ConsecutiveDays: Hashable, Sendable, Codable {
    public var maxDays: Int

    public init(maxDays: Int = 3) { self.maxDays = maxDays }

    enum CodingKeys: String, CodingKey { case maxDays = "max_consecutive_days" }

    /// Checks the event running from `first` through `last`: `.invalid`
    /// `date_range_invalid` when reversed, `consecutive_day_limit` when longer
    /// than `maxDays`, `facility_closed` naming the first closed date inside.
    public func check(first: LocalDate, last: LocalDate, isClosed: (LocalDate) -> Bool) throws(DomainError) {
        guard last >= first else {
            throw DomainError(.invalid, "date_range_invalid", "`from` (\(first)) is after `to` (\(last)).",
                              details: ["from": first.description, "to": last.description])
        }
        let days = first.days(until: last) + 1
        guard days <= maxDays else {
            throw DomainError(.conflict, "consecutive_day_limit", "An event may run at most \(maxDays) consecutive days.",
                              details: ["from": first.description, "to": last.description,
                                        "days": String(days), "limit": String(maxDays)])
        }
        for offset in 0..<days {
            let date = first.adding(days: offset)
            if isClosed(date) {
                throw DomainError(.conflict, "facility_closed", "The center is closed on \(date).",
                                  details: ["date": date.description])
            }
        }
    }
}
