import CalendarValues
import CenterDomain

/// A reminder (満了通知) written to the audit log before a lease ends.
public struct LockerReminder: Sendable, Hashable, Encodable {
    public let lease: Int64
    public let endDate: LocalDate
    public let daysBefore: Int

    public init(lease: Int64, endDate: LocalDate, daysBefore: Int) {
        self.lease = lease
        self.endDate = endDate
        self.daysBefore = daysBefore
    }

    enum CodingKeys: String, CodingKey {
        case lease, endDate = "end_date", daysBefore = "days_before"
    }
}
