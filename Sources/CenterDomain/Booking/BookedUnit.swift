import CalendarValues

/// One live booked division-unit (コマ): a facility, a date and a division held
/// by a registration. The rules count these; the store supplies them.
public struct BookedUnit: Hashable, Sendable {
    public let facility: FacilityID
    public let date: LocalDate
    public let division: DivisionID
    public let registration: String
    public let category: UserCategory

    public init(facility: FacilityID, date: LocalDate, division: DivisionID, registration: String, category: UserCategory) {
        self.facility = facility
        self.date = date
        self.division = division
        self.registration = registration
        self.category = category
    }
}
