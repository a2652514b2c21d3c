import CalendarValues

/// A closure caused by renovation works (工事による休館・利用停止): the
/// facilities an item closes, first and last day inclusive. CenterService
/// turns each into `facility_closed` days with the item id as the reason
/// (a `CenterDomain.WorksClosure`; why there are two is told in
/// CenterService's `WorksClosures`).
public struct WorksClosure: Hashable, Codable, Sendable {
    /// Facility ids of the catalogue (`gym`, `meeting-room-1`, ...).
    public var facilities: [String]
    public var from: LocalDate
    public var to: LocalDate
    public var dateSource: Provenance
    public var note: String

    public init(facilities: [String], from: LocalDate, to: LocalDate,
                dateSource: Provenance = .inferred, note: String = "") {
        self.facilities = facilities
        self.from = from
        self.to = to
        self.dateSource = dateSource
        self.note = note
    }

    /// Whether the window covers a day, both ends included.
    public func covers(_ date: LocalDate) -> Bool { from <= date && date <= to }

    /// Whether the window shares at least one day with `start...end`.
    public func overlaps(from start: LocalDate, to end: LocalDate) -> Bool { from <= end && start <= to }

    enum CodingKeys: String, CodingKey {
        case facilities, from, to
        case dateSource = "date_source"
        case note
    }

    /// `date_source` defaults to `stated` and `note` to "" so that a
    /// planner's update need only give facilities and days.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        facilities = try container.decode([String].self, forKey: .facilities)
        from = try container.decode(LocalDate.self, forKey: .from)
        to = try container.decode(LocalDate.self, forKey: .to)
        dateSource = try container.decodeIfPresent(Provenance.self, forKey: .dateSource) ?? .stated
        note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
    }
}
