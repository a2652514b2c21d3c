/// The dates the service accepts from its users: 1900-01-01 to 2200-12-31
/// (docs/DOMAIN.md "Supported dates"). Every date, month and instant read from a request, a
/// configuration file or the command line is checked against it, so every
/// rule's arithmetic (fiscal years, month windows, advance periods, renewals
/// of a few years) stays far inside what `LocalDate` holds and is exact.
/// It is wider than any booking, lease, closure, registration or plan needs.
///
/// The checks below are the only range checks; values typed by a person are
/// read through `DateInput`, which calls them, and files through `Codable`,
/// which calls them too.
public enum SupportedDates {
    /// The calendar years accepted, 1900...2200.
    public static let years: ClosedRange<Int> = 1900...2200

    /// 1900-01-01.
    public static let first = LocalDate(valid: years.lowerBound, 1, 1)
    /// 2200-12-31.
    public static let last = LocalDate(valid: years.upperBound, 12, 31)

    /// Throws unless `date` is within the supported dates.
    public static func check(_ date: LocalDate) throws(DateOutOfRange) {
        guard years.contains(date.year) else {
            throw DateOutOfRange(first: first.description, last: last.description, got: date.description)
        }
    }

    /// Throws unless `month` is within the supported dates.
    public static func check(_ month: YearMonth) throws(DateOutOfRange) {
        guard years.contains(month.year) else {
            throw DateOutOfRange(first: first.yearMonth.description, last: last.yearMonth.description, got: month.description)
        }
    }

    /// Throws unless the instant's date in Japan is within the supported
    /// dates; the error quotes `text`, the instant as it was written, when given.
    public static func check(_ instant: Instant, writtenAs text: String? = nil) throws(DateOutOfRange) {
        guard years.contains(instant.japanDate.year) else {
            throw DateOutOfRange(first: Instant(japanDate: first).rfc3339,
                                 last: Instant(japanDate: last, minuteOfDay: 1440).adding(seconds: -1).rfc3339,
                                 got: text ?? instant.rfc3339)
        }
    }

    /// Throws unless a fiscal year starting in `startYear` is within the
    /// supported years.
    public static func check(fiscalYearStarting startYear: Int) throws(DateOutOfRange) {
        guard years.contains(startYear) else {
            throw DateOutOfRange(first: String(years.lowerBound), last: String(years.upperBound), got: String(startYear))
        }
    }
}

/// A well-formed date, month or instant outside `SupportedDates`, with the
/// range it must be in.
public struct DateOutOfRange: Error, Sendable, Equatable {
    /// The first accepted value in its text form, `1900-01-01`.
    public let first: String
    /// The last accepted value in its text form, `2200-12-31`.
    public let last: String
    /// The value refused, in its text form.
    public let got: String

    public init(first: String, last: String, got: String) {
        self.first = first
        self.last = last
        self.got = got
    }

    /// `must be from 1900-01-01 to 2200-12-31, got "0001-01-01"`, to follow
    /// the name of the field or parameter.
    public var message: String { "must be from \(first) to \(last), got \"\(got)\"" }
}
