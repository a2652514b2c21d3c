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
    /// The booking's public id in the iCalendar feeds (32 hex digits, random,
    /// never changed): event UIDs name it instead of the sequential `id`. Not
    /// part of the JSON.
    public let feedID: String

    enum CodingKeys: String, CodingKey {
        case id, registration, category, facility, divisions, purpose, attendees, commercial, guardian, state, fee, refund
        case firstDate = "first_date", lastDate = "last_date", admissionCharged = "admission_charged"
        case outOfWard = "out_of_ward", feeTotal = "fee_total", paymentDeadline = "payment_deadline"
        case createdAt = "created_at", createdBy = "created_by", paidAt = "paid_at", checkedInAt = "checked_in_at"
        case cancelledAt = "cancelled_at", cancelledBy = "cancelled_by", cancelReason = "cancel_reason"
    }

    /// The dates of use, first to last.
    public var dates: [LocalDate] { firstDate.dates(through: lastDate) }

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
        feedID = row.feedID
    }

    /// A row read with `columns` (in that order).
    init(row: Row) throws {
        self = try BookingRow(row: row).booking()
    }

    /// Booking `id`, or `booking_not_found` (404); a member sees only its own.
    static func load(_ db: Database, id: Int64, for actor: Actor? = nil) throws -> Booking {
        let notFound = Refusal(BookingLookupCode.bookingNotFound, "No booking has id \(id).", details: ["booking": String(id)])
        guard let row = try db.queryOne("SELECT \(columns) FROM bookings WHERE id = ?", [.integer(id)]) else { throw notFound }
        let booking = try Booking(row: row)
        if let actor, actor.role == .member, actor.registrationID != booking.registration { throw notFound }
        return booking
    }
}
