/// The dates the service accepts from its users: 1900-01-01 to 2200-12-31
/// (docs/DOMAIN.md "Supported dates"). Every date, month and instant read from a request, a
/// configuration file or the command line is checked against it, so every
/// rule's arithmetic (fiscal years, month windows, advance periods, renewals
/// of a few years) stays far inside what `LocalDate` holds and is exact.
/// It is wider than any booking, lease, closure, registration or plan needs.
public enum SupportedDates {
    /// The calendar years accepted, 1900...2200.
    public static let years: ClosedRange<Int> = 1900...2200

    /// 1900-01-01.
    public static let first = LocalDate(valid: years.lowerBound, 1, 1)
    /// 2200-12-31.
    public static let last = LocalDate(valid: years.upperBound, 12, 31)
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
