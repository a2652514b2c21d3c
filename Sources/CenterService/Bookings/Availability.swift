import CenterDomain

/// One division of one day as `GET /availability` shows it (空き状況).
public struct AvailabilitySlot: Sendable, Hashable, Encodable {
    /// `free`, `booked`, `closed`, `held` (community quota, 地域の方の利用枠)
    /// or `not_open` (the asking category's window opens later).
    public let division: DivisionID
    public let status: String
    /// The booking holding it: shown to staff, and to a member for its own.
    public let booking: Int64?
    /// Whether the booking is the asking member's own.
    public let own: Bool?
    /// For `held`: the day the held share is released to everyone.
    public let releaseDate: LocalDate?
    /// For `not_open`: the day the asking category's window opens.
    public let opens: LocalDate?

    enum CodingKeys: String, CodingKey { case division, status, booking, own, opens, releaseDate = "release_date" }
}

/// One day of a facility's availability: closed with reasons, or its divisions.
public struct AvailabilityDay: Sendable, Encodable {
    public let date: LocalDate
    public let open: Bool
    public let reasons: [ClosureReason]
    public let divisions: [AvailabilitySlot]
}
