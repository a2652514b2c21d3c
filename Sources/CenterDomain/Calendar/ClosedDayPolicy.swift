import CalendarValues

/// The center's closed days (休館日) as configured. The ordinance's Art. 8 text
/// was not found, so everything is configuration; the defaults follow Nakano
/// ward practice (区民活動センター): year-end 12/29–1/3 and the third Monday of
/// each month, moved to the next non-holiday when it is a holiday.
///
/// JSON (snake_case keys):
///
///     {"year_end": {"from": "12-29", "to": "01-03"},
///      "regular_closed_day": {"week_of_month": 3, "weekday": "monday", "if_holiday": "next_non_holiday"},
///      "open_on_holidays": true,
///      "closures": [{"date": "2026-08-17", "reason": "Electrical inspection",
///                    "reason_ja": "電気設備点検", "facilities": []}]}
///
/// `year_end` and `regular_closed_day` may be null (none); `closures` may be omitted.
public struct ClosedDayPolicy: Codable, Sendable, Equatable {
    /// The year-end and new-year closure (年末年始), `from` and `to` inclusive;
    /// it wraps past December 31 when `to` is before `from`.
    public struct YearEnd: Codable, Sendable, Equatable {
        public var from: MonthDay
        public var to: MonthDay

        public init(from: MonthDay, to: MonthDay) {
            self.from = from
            self.to = to
        }

        public func contains(_ date: LocalDate) -> Bool {
            let md = MonthDay(date)
            return from <= to ? (from <= md && md <= to) : (md >= from || md <= to)
        }
    }

    /// The monthly regular closed day (定期休館日): the `weekOfMonth`th `weekday`.
    public struct RegularClosedDay: Codable, Sendable, Equatable {
        /// What happens when that day is a public holiday.
        public enum IfHoliday: String, Codable, Sendable {
            /// Close on the next day that is neither a holiday nor in the year-end closure.
            case nextNonHoliday = "next_non_holiday"
            /// Close on the holiday itself.
            case sameDay = "same_day"
        }

        /// 1...5; a month without a fifth such weekday has no closed day.
        public var weekOfMonth: Int
        public var weekday: Weekday
        public var ifHoliday: IfHoliday

        public init(weekOfMonth: Int, weekday: Weekday, ifHoliday: IfHoliday) {
            self.weekOfMonth = weekOfMonth
            self.weekday = weekday
            self.ifHoliday = ifHoliday
        }

        enum CodingKeys: String, CodingKey {
            case weekOfMonth = "week_of_month", weekday, ifHoliday = "if_holiday"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            weekOfMonth = try c.decode(Int.self, forKey: .weekOfMonth)
            guard (1...5).contains(weekOfMonth) else {
                throw DecodingError.dataCorruptedError(forKey: .weekOfMonth, in: c, debugDescription: "week_of_month must be 1...5")
            }
            let name = try c.decode(String.self, forKey: .weekday)
            guard let weekday = Weekday(english: name) else {
                throw DecodingError.dataCorruptedError(forKey: .weekday, in: c, debugDescription: "unknown weekday \"\(name)\"")
            }
            self.weekday = weekday
            ifHoliday = try c.decode(IfHoliday.self, forKey: .ifHoliday)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(weekOfMonth, forKey: .weekOfMonth)
            try c.encode(weekday.english, forKey: .weekday)
            try c.encode(ifHoliday, forKey: .ifHoliday)
        }
    }

    /// An ad-hoc closure (臨時休館) of one day, for the whole center when
    /// `facilities` is empty, otherwise for the facilities listed.
    public struct Closure: Codable, Sendable, Equatable {
        public var date: LocalDate
        public var reason: String
        public var reasonJa: String
        public var facilities: [String]

        public init(date: LocalDate, reason: String, reasonJa: String, facilities: [String] = []) {
            self.date = date
            self.reason = reason
            self.reasonJa = reasonJa
            self.facilities = facilities
        }

        enum CodingKeys: String, CodingKey {
            case date, reason, reasonJa = "reason_ja", facilities
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            date = try c.decode(LocalDate.self, forKey: .date)
            reason = try c.decode(String.self, forKey: .reason)
            reasonJa = try c.decodeIfPresent(String.self, forKey: .reasonJa) ?? reason
            facilities = try c.decodeIfPresent([String].self, forKey: .facilities) ?? []
        }
    }

    public var yearEnd: YearEnd?
    public var regularClosedDay: RegularClosedDay?
    public var openOnHolidays: Bool
    public var closures: [Closure]

    public init(yearEnd: YearEnd?, regularClosedDay: RegularClosedDay?, openOnHolidays: Bool, closures: [Closure] = []) {
        self.yearEnd = yearEnd
        self.regularClosedDay = regularClosedDay
        self.openOnHolidays = openOnHolidays
        self.closures = closures
    }

    /// Year-end 12/29–1/3, the third Monday (next non-holiday if a holiday),
    /// open on holidays, no ad-hoc closures.
    public static let nakanoDefault = ClosedDayPolicy(
        yearEnd: YearEnd(from: MonthDay(LocalDate(clampingYear: 2000, month: 12, day: 29)),
                         to: MonthDay(LocalDate(clampingYear: 2000, month: 1, day: 3))),
        regularClosedDay: RegularClosedDay(weekOfMonth: 3, weekday: .monday, ifHoliday: .nextNonHoliday),
        openOnHolidays: true)

    enum CodingKeys: String, CodingKey {
        case yearEnd = "year_end", regularClosedDay = "regular_closed_day"
        case openOnHolidays = "open_on_holidays", closures
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        yearEnd = try c.decodeIfPresent(YearEnd.self, forKey: .yearEnd)
        regularClosedDay = try c.decodeIfPresent(RegularClosedDay.self, forKey: .regularClosedDay)
        openOnHolidays = try c.decode(Bool.self, forKey: .openOnHolidays)
        closures = try c.decodeIfPresent([Closure].self, forKey: .closures) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(yearEnd, forKey: .yearEnd)
        try c.encode(regularClosedDay, forKey: .regularClosedDay)
        try c.encode(openOnHolidays, forKey: .openOnHolidays)
        try c.encode(closures, forKey: .closures)
    }
}
