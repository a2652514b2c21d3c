import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A booking as its row in `bookings` holds it, the fee still the JSON it
/// was stored as (`fee_breakdown`): what the write paths read, change and
/// audit. Its JSON (`json`) splices the stored fee into the booking's
/// (`BookingJSON`), so a booking cancelled in the writer is neither decoded
/// nor re-encoded; `booking()` decodes the fee for the public value, and is
/// called only when that value is asked for.
struct BookingRow: Sendable {
    let id: Int64
    let registration: Int64
    let category: UserCategory
    let facility: FacilityID
    let firstDate: LocalDate
    let lastDate: LocalDate
    let divisions: [DivisionID]
    let purpose: String
    let attendees: Int
    let admissionCharged: Int
    let commercial: Bool
    let outOfWard: Bool
    let guardian: String?
    var state: BookingState
    let feeTotal: Int
    /// The fee as `JSONCodec` wrote it when the booking was taken.
    let fee: String
    let paymentDeadline: Instant
    let createdAt: Instant
    let createdBy: String
    var paidAt: Instant?
    var checkedInAt: Instant?
    var cancelledAt: Instant?
    var cancelledBy: String?
    var cancelReason: String?
    var refund: Booking.Refund?
    /// Days a closure cancelled while the others stay booked; nil when none.
    let cancelledDays: [LocalDate]?
    let feedID: String
    let source: BookingSource
    let series: Int64?
    let couplingApproval: CouplingApproval?
    /// For a room let by the hour: its units as hours.
    let hours: BookingHours?

    static let columns = """
        id, registration_id, category, facility_id, first_date, last_date, divisions, purpose, attendees,
        admission_charged, commercial, out_of_ward, guardian, state, fee_total, fee_breakdown, payment_deadline,
        created_at, created_by, paid_at, checked_in_at, cancelled_at, cancelled_by, cancel_reason, refund_percent,
        refund_amount, feed_id, source, series_id, coupling_approval,
        (SELECT group_concat(date) FROM booking_cancelled_days WHERE booking_id = bookings.id) AS cancelled_days
        """

    static let byID = SQL("SELECT \(columns) FROM bookings WHERE id = ?")

    /// A row read with `columns`, by position (in that order).
    init(row: Row) throws {
        id = try row.get(0)
        registration = try row.get(1)
        category = try row.get(2)
        facility = try row.get(3)
        firstDate = try row.get(4)
        lastDate = try row.get(5)
        divisions = (try row.get(6) as String).split(separator: ",").map { DivisionID(String($0)) }
        purpose = try row.get(7)
        attendees = try row.get(8)
        admissionCharged = try row.get(9)
        commercial = try row.get(10)
        outOfWard = try row.get(11)
        guardian = try row.get(12)
        state = try row.get(13)
        feeTotal = try row.get(14)
        fee = try row.get(15)
        paymentDeadline = try row.get(16)
        createdAt = try row.get(17)
        createdBy = try row.get(18)
        paidAt = try row.get(19)
        checkedInAt = try row.get(20)
        cancelledAt = try row.get(21)
        cancelledBy = try row.get(22)
        cancelReason = try row.get(23)
        let percent: Int? = try row.get(24)
        let amount: Int? = try row.get(25)
        refund = percent.map { Booking.Refund(percent: $0, amount: amount ?? 0) }
        feedID = try row.get(26)
        source = try row.get(27)
        series = try row.get(28)
        let approval: String? = try row.get(29)
        couplingApproval = try approval.map { try JSONCodec.decodeStored(CouplingApproval.self, from: $0) }
        // Sorted here: ordering them in SQL made SQLite build a temporary
        // table for every booking read, cancelled days or not.
        let cancelled = ((try row.get(30) as String?) ?? "").split(separator: ",").compactMap { LocalDate(String($0)) }
        cancelledDays = cancelled.isEmpty ? nil : cancelled.sorted()
        hours = BookingHours(units: divisions)
    }

    /// A booking just taken (`BookingDesk`): provisional, paid and used by
    /// nobody yet, as the row it inserted reads back.
    init(taken id: Int64, feedID: String, request: BookingRequest, registration: RegistrationStanding,
         divisions: [DivisionID], feeTotal: Int, fee: String, paymentDeadline: Instant, at now: Instant, by actor: String,
         origin: BookingOrigin, approval: CouplingApproval?) {
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
        self.feeTotal = feeTotal
        self.fee = fee
        self.paymentDeadline = paymentDeadline
        createdAt = now
        createdBy = actor
        cancelledDays = nil
        self.feedID = feedID
        source = origin.source
        series = origin.series
        couplingApproval = approval
        hours = request.hours
    }

    /// The days of use, without the days a closure cancelled.
    var dates: [LocalDate] { Booking.days(from: firstDate, through: lastDate, without: cancelledDays) }

    /// Booking `id`'s row, or `booking_not_found` (404); a member sees only its own.
    static func load(_ db: Database, id: Int64, for actor: Actor? = nil) throws -> BookingRow {
        let notFound = Refusal(BookingLookupCode.bookingNotFound, "No booking has id \(id).", details: ["booking": String(id)])
        guard let row = try db.queryOne(byID, [.integer(id)]) else { throw notFound }
        let booking = try BookingRow(row: row)
        if let actor, actor.role == .member, actor.registrationID != booking.registration { throw notFound }
        return booking
    }

    /// The public value, the fee decoded.
    func booking() throws -> Booking {
        try Booking(self, fee: JSONCodec.decodeStored(BookingFee.self, from: fee))
    }

    /// The booking's JSON, the same bytes as `JSONCodec` writes for `booking()`.
    func json() throws -> [UInt8] {
        let fee = Array(self.fee.utf8)
        if let json = BookingJSON.encode(self, fee: fee) { return json }
        return try JSONCodec.encode(booking())
    }

    /// The row and its JSON, for an audit line and an answer.
    func encoded() throws -> Encoded<BookingRow> { Encoded(self, json: try json()) }
}

extension BookingRow: Encodable {
    /// As the booking it is (the same JSON as `json`).
    func encode(to encoder: any Encoder) throws { try booking().encode(to: encoder) }
}
