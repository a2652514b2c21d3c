import CalendarValues
import CenterDomain

/// The hours booked in a room let by the hour (1時間単位), the same on each
/// date of the booking: `{"from": "09:00", "to": "11:00"}`. Each hour is one
/// unit, `h09` for the hour from 09:00 (`HourRange`), stored as the
/// booking's divisions. docs/DOMAIN.md "Hourly rooms (1時間単位)".
public struct BookingHours: Sendable, Hashable, Codable {
    public let from: LocalTime
    public let to: LocalTime

    public init(from: LocalTime, to: LocalTime) {
        self.from = from
        self.to = to
    }

    /// The range on `date`.
    public func on(_ date: LocalDate) -> HourRange { HourRange(date: date, start: from, end: to) }

    /// The hours a booking's stored units (`h09`, `h10`) cover, nil when they
    /// are divisions (or not one unbroken run of hours).
    init?(units: [DivisionID]) {
        let hours = units.compactMap(Self.hour(of:))
        guard !hours.isEmpty, hours.count == units.count,
              zip(hours, hours.dropFirst()).allSatisfy({ $0 + 1 == $1 }),
              let from = LocalTime(hour: hours[0], minute: 0), let to = LocalTime(hour: hours[hours.count - 1] + 1, minute: 0)
        else { return nil }
        self.init(from: from, to: to)
    }

    /// The hour of a unit `hHH` (0…23), nil for a division.
    static func hour(of unit: DivisionID) -> Int? {
        let text = Array(unit.rawValue.utf8)
        guard text.count == 3, text[0] == UInt8(ascii: "h"), let hour = Int(String(unit.rawValue.dropFirst())),
              (0...23).contains(hour), HourRange.unit(startingAt: hour) == unit else { return nil }
        return hour
    }
}

/// A staff approval as a request gives it: who approved and why, and when
/// (now when left out). `CouplingApproval` checks it.
public struct CouplingApprovalInput: Sendable, Hashable, Decodable {
    public let approvedBy: String
    public let reason: String
    public let approvedAt: Instant?

    public init(approvedBy: String, reason: String, approvedAt: Instant? = nil) {
        self.approvedBy = approvedBy
        self.reason = reason
        self.approvedAt = approvedAt
    }

    enum CodingKeys: String, CodingKey { case approvedBy = "approved_by", reason, approvedAt = "approved_at" }

    /// The approval, checked at `now`; refuses `approval_invalid`.
    func approval(now: Instant) throws(Refusal<CouplingApproval.Code>) -> CouplingApproval {
        try CouplingApproval(approvedBy: approvedBy, approvedAt: approvedAt ?? now, reason: reason, now: now)
    }
}

extension Facility {
    /// The units a day of the room is booked in: its divisions, or for a
    /// room let by the hour one unit per opening hour (`h09` … `h20`).
    public var bookingUnits: [DivisionID] {
        switch unit {
        case .division:
            return divisions
        case .hour:
            guard let opening else { return [] }
            return (0..<opening.hours).map { HourRange.unit(startingAt: opening.from.hour + $0) }
        }
    }
}
