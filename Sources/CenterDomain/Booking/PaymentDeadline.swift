import CalendarValues

/// The payment deadline of a provisional booking (仮予約の支払期限).
///
/// Configurable default, comparable wards: Nakano 区民ホール gives 14 days after
/// approval, never past the use date; Koto 10 days. Here a hold is due
/// `daysAfterBooking` days after the booking day or `daysBeforeUse` days before
/// the use date, whichever is first, at the end of that day in Japan
/// (23:59:59 JST).
///
/// When that day is already past at booking time (a booking made within
/// `daysBeforeUse` days of use), the hold is due at the end of the booking day:
/// a late booking still gets the rest of the day to pay rather than being born
/// lapsed.
public struct PaymentDeadline: Hashable, Sendable, Codable {
    public var daysAfterBooking: Int
    public var daysBeforeUse: Int

    public init(daysAfterBooking: Int = 14, daysBeforeUse: Int = 7) {
        self.daysAfterBooking = daysAfterBooking
        self.daysBeforeUse = daysBeforeUse
    }

    enum CodingKeys: String, CodingKey { case daysAfterBooking = "days_after_booking", daysBeforeUse = "days_before_use" }

    /// The last day to pay, in Japan.
    public func dueDate(bookedAt: Instant, useDate: LocalDate) -> LocalDate {
        let bookingDay = bookedAt.japanDate
        let due = min(bookingDay.adding(days: daysAfterBooking), useDate.adding(days: -daysBeforeUse))
        return max(due, bookingDay)
    }

    /// The instant the hold lapses unless paid: the end (23:59:59 JST) of `dueDate`.
    public func deadline(bookedAt: Instant, useDate: LocalDate) -> Instant {
        Instant(japanDate: dueDate(bookedAt: bookedAt, useDate: useDate).adding(days: 1)).adding(seconds: -1)
    }
}
