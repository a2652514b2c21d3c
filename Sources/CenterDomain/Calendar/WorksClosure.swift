import CalendarValues

/// A closure caused by renovation or repair works (工事による休館), supplied
/// by the roadmap: the dates `from...to` (inclusive) for the whole center when
/// `facilities` is empty, otherwise for the facilities listed. CenterService
/// builds these from the roadmap's own `WorksClosure` records.
public struct WorksClosure: Codable, Sendable, Equatable {
    /// The roadmap item that causes it.
    public var itemID: String
    public var from: LocalDate
    public var to: LocalDate
    public var facilities: [String]

    public init(itemID: String, from: LocalDate, to: LocalDate, facilities: [String] = []) {
        self.itemID = itemID
        self.from = from
        self.to = to
        self.facilities = facilities
    }

    enum CodingKeys: String, CodingKey {
        case itemID = "item_id", from, to, facilities
    }
}
