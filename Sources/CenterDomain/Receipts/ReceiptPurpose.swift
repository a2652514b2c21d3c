import CalendarValues

/// The 但し書き of a receipt for a room: what the money was for, the room,
/// its dates of use and divisions, in Japanese:
/// `大会議室 令和8年7月1日(水) 午前・午後 使用料として`.
///
/// Dates are sorted; consecutive dates are one span `令和8年7月1日(水)〜7月3日(金)`,
/// separate spans are joined by `、`; a date after the first leaves out the
/// era and year when they are the first date's. Divisions are joined by `・`
/// in the order given (the day's order). A part payment is
/// `使用料の一部として`. Our decision, after the receipts of ward facilities.
public struct ReceiptPurpose: Hashable, Sendable {
    /// The room's Japanese name (`Facility.nameJa`).
    public let facility: String
    /// The dates of use, sorted, each once.
    public let dates: [LocalDate]
    /// The divisions' Japanese names (`Division.nameJa`), in the day's order.
    public let divisions: [String]
    /// Whether the payment is a part of the fee.
    public let isPartPayment: Bool

    public init(facility: String, dates: [LocalDate], divisions: [String], isPartPayment: Bool = false) {
        self.facility = facility
        self.dates = Array(Set(dates)).sorted()
        self.divisions = divisions
        self.isPartPayment = isPartPayment
    }

    /// `大会議室 令和8年7月1日(水) 午前・午後 使用料として`.
    public var text: String {
        let what = isPartPayment ? "使用料の一部として" : "使用料として"
        return ([facility, Self.datesText(dates), divisions.joined(separator: "・"), what]).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `令和8年7月1日(水)〜7月3日(金)、7月5日(日)`.
    public static func datesText(_ dates: [LocalDate]) -> String {
        let sorted = Array(Set(dates)).sorted()
        guard let first = sorted.first else { return "" }
        var spans: [(from: LocalDate, to: LocalDate)] = []
        for date in sorted {
            if let last = spans.last, last.to.adding(days: 1) == date {
                spans[spans.count - 1].to = date
            } else {
                spans.append((date, date))
            }
        }
        func label(_ date: LocalDate) -> String {
            date == first || eraYear(of: date) != eraYear(of: first)
                ? date.japaneseReceiptLabel
                : "\(date.month)月\(date.day)日(\(date.weekday.japanese))"
        }
        return spans.map { $0.from == $0.to ? label($0.from) : label($0.from) + "〜" + label($0.to) }.joined(separator: "、")
    }

    /// The era and era year a date is written in (令和 8); the calendar year before 昭和.
    private static func eraYear(of date: LocalDate) -> String {
        guard let era = JapaneseEra.of(date) else { return String(date.year) }
        return era.rawValue + String(era.eraYear(of: date.year))
    }
}
