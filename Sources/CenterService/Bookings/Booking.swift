import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A room booking (予約) as the service stores and shows it: what was booked,
/// its state in the lifecycle (`BookingState`), the fee with its breakdown,
/// the payment deadline of the provisional hold (仮予約), and who did what when.
public struct Booking: Sendable, Hashable, Encodable {
    /// What a cancellation refunded (還付, `RefundSchedule`).
    public struct Refund: Sendable, Hashable, Encodable {
        public let percent: Int
        public let amount: Int
    }

    public let id: Int64
    public let registration: Int64
    public let category: UserCategory
    public let facility: FacilityID
    public let firstDate: LocalDate
    public let lastDate: LocalDate
    public let divisions: [DivisionID]
    public let purpose: String
    public let attendees: Int
    public let admissionCharged: Int
    public let commercial: Bool
    public let outOfWard: Bool
    public let guardian: String?
    public let state: BookingState
    public let feeTotal: Int
    /// The fee as computed at booking: one day's breakdown, the days, the total.
    public let fee: BookingFee
    public let paymentDeadline: Instant
    public let createdAt: Instant
    public let createdBy: String
    public let paidAt: Instant?
    public let checkedInAt: Instant?
    public let cancelledAt: Instant?
    public let cancelledBy: String?
    public let cancelReason: String?
    public let refund: Refund?
    /// Days a closure cancelled while the booking's other days stay booked
    /// (docs/DOMAIN.md "Closures of part of a multi-day booking"); nil when none.
    public let cancelledDays: [LocalDate]?
    /// The booking's public id in the iCalendar feeds (32 hex digits, random,
    /// never changed): event UIDs name it instead of the sequential `id`. Not
    /// part of the JSON.
    public let feedID: String
    /// How it came: a request, a lottery win, a waiting-list offer, a series date.
    public let source: BookingSource
    /// The series it is a date of.
    public let series: Int64?
    /// The staff approval that let a coupled room be used alone (保育室).
    public let couplingApproval: CouplingApproval?
    /// For a room let by the hour: the hours of each date (its divisions are the hour units).
    public let hours: BookingHours?

    enum CodingKeys: String, CodingKey {
        case id, registration, category, facility, divisions, purpose, attendees, commercial, guardian, state, fee, refund
        case firstDate = "first_date", lastDate = "last_date", admissionCharged = "admission_charged"
        case outOfWard = "out_of_ward", feeTotal = "fee_total", paymentDeadline = "payment_deadline"
        case createdAt = "created_at", createdBy = "created_by", paidAt = "paid_at", checkedInAt = "checked_in_at"
        case cancelledAt = "cancelled_at", cancelledBy = "cancelled_by", cancelReason = "cancel_reason"
        case cancelledDays = "cancelled_days"
        case source, series, couplingApproval = "coupling_approval", hours
    }

    /// Every day booked, first to last, cancelled days included (the feeds
    /// show those as cancelled).
    public var allDates: [LocalDate] { firstDate.dates(through: lastDate) }

    /// The days of use, first to last, without the days a closure cancelled.
    public var dates: [LocalDate] { Self.days(from: firstDate, through: lastDate, without: cancelledDays) }

    /// The days from `first` through `last` but `cancelled`.
    static func days(from first: LocalDate, through last: LocalDate, without cancelled: [LocalDate]?) -> [LocalDate] {
        let all = first.dates(through: last)
        guard let cancelled, !cancelled.isEmpty else { return all }
        return all.filter { !cancelled.contains($0) }
    }

    static let columns = BookingRow.columns

    /// The booking of `row`, with its fee decoded as `fee`.
    init(_ row: BookingRow, fee: BookingFee) {
        id = row.id
        registration = row.registration
        category = row.category
        facility = row.facility
        firstDate = row.firstDate
        lastDate = row.lastDate
        divisions = row.divisions
        purpose = row.purpose
        attendees = row.attendees
        admissionCharged = row.admissionCharged
        commercial = row.commercial
        outOfWard = row.outOfWard
        guardian = row.guardian
        state = row.state
        feeTotal = row.feeTotal
        self.fee = fee
        paymentDeadline = row.paymentDeadline
        createdAt = row.createdAt
        createdBy = row.createdBy
        paidAt = row.paidAt
        checkedInAt = row.checkedInAt
        cancelledAt = row.cancelledAt
        cancelledBy = row.cancelledBy
        cancelReason = row.cancelReason
        refund = row.refund
        cancelledDays = row.cancelledDays
        feedID = row.feedID
        source = row.source
        series = row.series
        couplingApproval = row.couplingApproval
        hours = row.hours
    }

    /// A row read with `columns` (in that order).
    init(row: Row) throws {
        self = try BookingRow(row: row).booking()
    }

    /// Booking `id`, or `booking_not_found` (404); a member sees only its own.
    static func load(_ db: Database, id: Int64, for actor: Actor? = nil) throws -> Booking {
        try BookingRow.load(db, id: id, for: actor).booking()
    }
}
