import CalendarValues

/// A planner's change to one item (計画・実績の更新), as sent with
/// `PATCH /roadmap/items/{id}`. A nil field leaves the item's value alone;
/// for the actual dates, `.some(nil)` (JSON `null`) clears it. `closures`
/// replaces the whole list.
public struct RoadmapUpdate: Hashable, Sendable {
    public var status: ItemStatus?
    public var actualStart: LocalDate??
    public var actualEnd: LocalDate??
    public var plannedStart: YearMonth?
    public var plannedEnd: YearMonth?
    public var closures: [WorksClosure]?

    public init(status: ItemStatus? = nil, actualStart: LocalDate?? = nil, actualEnd: LocalDate?? = nil,
                plannedStart: YearMonth? = nil, plannedEnd: YearMonth? = nil, closures: [WorksClosure]? = nil) {
        self.status = status
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.closures = closures
    }

    /// The item with the update's fields applied, not yet checked. A status
    /// or plan the planner sets is no longer our inference: its source
    /// becomes `stated` and the inference note is dropped.
    public func applied(to item: RoadmapItem) -> RoadmapItem {
        var new = item
        if let status {
            new.status = status
            new.statusSource = .stated
            new.statusNote = ""
        }
        if let actualStart { new.actualStart = actualStart }
        if let actualEnd { new.actualEnd = actualEnd }
        if let plannedStart { new.plannedStart = plannedStart }
        if let plannedEnd { new.plannedEnd = plannedEnd }
        if plannedStart != nil || plannedEnd != nil {
            new.dateSource = .stated
            new.dateNote = ""
        }
        if let closures { new.closures = closures }
        return new
    }
}

extension RoadmapUpdate: Decodable {
    enum CodingKeys: String, CodingKey {
        case status
        case actualStart = "actual_start"
        case actualEnd = "actual_end"
        case plannedStart = "planned_start"
        case plannedEnd = "planned_end"
        case closures
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decodeIfPresent(ItemStatus.self, forKey: .status)
        actualStart = try Self.nullable(container, .actualStart)
        actualEnd = try Self.nullable(container, .actualEnd)
        plannedStart = try container.decodeIfPresent(YearMonth.self, forKey: .plannedStart)
        plannedEnd = try container.decodeIfPresent(YearMonth.self, forKey: .plannedEnd)
        closures = try container.decodeIfPresent([WorksClosure].self, forKey: .closures)
    }

    /// Absent → nil (keep); `null` → `.some(nil)` (clear); a date → set.
    private static func nullable(_ container: KeyedDecodingContainer<CodingKeys>,
                                 _ key: CodingKeys) throws -> LocalDate?? {
        guard container.contains(key) else { return nil }
        if try container.decodeNil(forKey: key) { return .some(nil) }
        return .some(try container.decode(LocalDate.self, forKey: key))
    }
}
