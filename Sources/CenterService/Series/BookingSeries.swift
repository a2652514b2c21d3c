import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A series booking (定期利用) as the service stores and shows it: the
/// request, its dates attempted so far (`window_through`: through the last
/// use date whose window had opened when they were booked), and every
/// booking it made, by date.
public struct BookingSeries: Sendable, Encodable {
    public let id: Int64
    public let request: SeriesRequest
    public let windowThrough: LocalDate
    public let createdAt: Instant
    public let createdBy: String
    public let cancelledAt: Instant?
    public let cancelledBy: String?
    public let bookings: [Booking]

    enum CodingKeys: String, CodingKey {
        case id, request, bookings
        case windowThrough = "window_through", createdAt = "created_at", createdBy = "created_by"
        case cancelledAt = "cancelled_at", cancelledBy = "cancelled_by"
    }

    /// Series `id`, or `series_not_found` (404); a member sees only its own.
    static func load(_ db: Database, id: Int64, for actor: Actor? = nil) throws -> BookingSeries {
        let notFound = Refusal(SeriesLookupCode.seriesNotFound, "No series has id \(id).", details: ["series": String(id)])
        guard let row = try db.queryOne("""
            SELECT id, registration_id, request, window_through, created_at, created_by, cancelled_at, cancelled_by
            FROM booking_series WHERE id = ?
            """, [.integer(id)]) else { throw notFound }
        let registration: Int64 = try row.get("registration_id")
        if let actor, actor.role == .member, actor.registrationID != registration { throw notFound }
        let bookings = try db.query("SELECT \(Booking.columns) FROM bookings WHERE series_id = ? ORDER BY first_date, id",
                                    [.integer(id)]).map(Booking.init(row:))
        return BookingSeries(id: id, request: try JSONCodec.decodeStored(SeriesRequest.self, from: row.get("request")),
                             windowThrough: try row.get("window_through"), createdAt: try row.get("created_at"),
                             createdBy: try row.get("created_by"), cancelledAt: try row.get("cancelled_at"),
                             cancelledBy: try row.get("cancelled_by"), bookings: bookings)
    }
}

/// What one request of a series came to: the series, each date attempted
/// with its booking or its refusal, and the dates whose window opens later
/// (`POST /series/{id}/continue` books them then).
public struct SeriesBookingOutcome: Sendable, Encodable {
    /// One date's answer.
    public struct DateOutcome: Sendable, Encodable {
        /// A refusal as the API's error body has it.
        public struct Refused: Sendable, Encodable {
            public let code: String
            public let message: String
            public let details: [String: String]
        }

        public let date: LocalDate
        /// `booked` or `refused`.
        public let outcome: String
        public let booking: Booking?
        public let error: Refused?
    }

    public let series: BookingSeries
    public let dates: [DateOutcome]
    public let afterWindow: [LocalDate]

    enum CodingKeys: String, CodingKey { case series, dates, afterWindow = "after_window" }

    init(series: BookingSeries, results: [SeriesDateResult<Booking, Bookings.BookRefusal>], afterWindow: [LocalDate]) {
        self.series = series
        dates = results.map { result in
            switch result.outcome {
            case .booked(let booking):
                DateOutcome(date: result.date, outcome: "booked", booking: booking, error: nil)
            case .refused(let refusal):
                DateOutcome(date: result.date, outcome: "refused", booking: nil,
                            error: .init(code: refusal.codeName, message: refusal.message, details: refusal.details))
            }
        }
        self.afterWindow = afterWindow
    }
}

/// No series has the id.
public enum SeriesLookupCode: String, ErrorCode {
    case seriesNotFound = "series_not_found"
}

/// A series already cancelled books nothing more.
public enum SeriesStateCode: String, ErrorCode {
    case seriesCancelled = "series_cancelled"
}
