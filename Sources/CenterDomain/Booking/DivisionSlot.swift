import CalendarValues

/// One division of one facility on one date (コマ), whoever holds it: what a
/// lottery entry asks for, a lottery wins and a waiting entry waits for.
/// JSON: `{"facility": "gym", "date": "2027-01-05", "division": "am"}`.
public struct DivisionSlot: Hashable, Sendable, Codable, CustomStringConvertible {
    public let facility: FacilityID
    public let date: LocalDate
    public let division: DivisionID

    public init(facility: FacilityID, date: LocalDate, division: DivisionID) {
        self.facility = facility
        self.date = date
        self.division = division
    }

    /// `gym 2027-01-05 am`.
    public var description: String { "\(facility) \(date) \(division)" }
}
