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
    public var dates: [LocalDate] {
        guard let cancelledDays, !cancelledDays.isEmpty else { return allDates }
        return allDates.filter { !cancelledDays.contains($0) }
    }

    static let columns = """
        id, registration_id, category, facility_id, first_date, last_date, divisions, purpose, attendees,
        admission_charged, commercial, out_of_ward, guardian, state, fee_total, fee_breakdown, payment_deadline,
        created_at, created_by, paid_at, checked_in_at, cancelled_at, cancelled_by, cancel_reason, refund_percent,
        refund_amount, feed_id, source, series_id, coupling_approval,
        (SELECT group_concat(date) FROM (SELECT date FROM booking_cancelled_days
            WHERE booking_id = bookings.id ORDER BY date)) AS cancelled_days
        """

    /// A booking just taken (`BookingDesk`): provisional, paid and used by
    /// nobody yet, as the row it inserted reads back.
    init(taken id: Int64, feedID: String, request: BookingRequest, registration: RegistrationStanding, divisions: [DivisionID],
         fee: BookingFee, paymentDeadline: Instant, at now: Instant, by actor: String, origin: BookingOrigin,
         approval: CouplingApproval?) {
        self.id = id
        self.registration = registration.id
        category = registration.category
        facility = request.facility
        firstDate = request.dates[0]
        lastDate = request.dates[request.dates.count - 1]
        self.divisions = divisions
        purpose = request.purpose
        attendees = request.attendees
        admissionCharged = request.admissionCharged
        commercial = request.commercial
        outOfWard = !registration.inWard
        guardian = request.guardian
        state = .provisional
        feeTotal = fee.total
        self.fee = fee
        self.paymentDeadline = paymentDeadline
        createdAt = now
        createdBy = actor
        paidAt = nil
        checkedInAt = nil
        cancelledAt = nil
        cancelledBy = nil
        cancelReason = nil
        refund = nil
        cancelledDays = nil
        self.feedID = feedID
        source = origin.source
        series = origin.series
        couplingApproval = approval
        hours = request.hours
    }

    init(row: Row) throws {
        id = try row.get("id")
        registration = try row.get("registration_id")
        category = try row.get("category")
        facility = try row.get("facility_id")
        firstDate = try row.get("first_date")
        lastDate = try row.get("last_date")
        divisions = (try row.get("divisions") as String).split(separator: ",").map { DivisionID(String($0)) }
        purpose = try row.get("purpose")
        attendees = try row.get("attendees")
        admissionCharged = try row.get("admission_charged")
        commercial = try row.get("commercial")
        outOfWard = try row.get("out_of_ward")
        guardian = try row.get("guardian")
        state = try row.get("state")
        feeTotal = try row.get("fee_total")
        fee = try JSONCodec.decodeStored(BookingFee.self, from: row.get("fee_breakdown"))
        paymentDeadline = try row.get("payment_deadline")
        createdAt = try row.get("created_at")
        createdBy = try row.get("created_by")
        paidAt = try row.get("paid_at")
        checkedInAt = try row.get("checked_in_at")
        cancelledAt = try row.get("cancelled_at")
        cancelledBy = try row.get("cancelled_by")
        cancelReason = try row.get("cancel_reason")
        let percent: Int? = try row.get("refund_percent")
        let amount: Int? = try row.get("refund_amount")
        refund = percent.map { Refund(percent: $0, amount: amount ?? 0) }
        let cancelled = ((try row.get("cancelled_days") as String?) ?? "").split(separator: ",").compactMap { LocalDate(String($0)) }
        cancelledDays = cancelled.isEmpty ? nil : cancelled
        feedID = try row.get("feed_id")
        source = try row.get("source")
        series = try row.get("series_id")
        let approval: String? = try row.get("coupling_approval")
        couplingApproval = try approval.map { try JSONCodec.decodeStored(CouplingApproval.self, from: $0) }
        hours = BookingHours(units: divisions)
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
