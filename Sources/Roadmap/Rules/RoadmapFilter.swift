import CalendarValues

/// The filters of `GET /roadmap` (絞り込み): step, fiscal year, recorded
/// status and side. A nil field matches everything.
public struct RoadmapFilter: Hashable, Sendable {
    public var step: Int?
    /// Matches items whose planned months touch this fiscal year.
    public var fiscalYear: Int?
    public var status: ItemStatus?
    public var side: ItemSide?

    public init(step: Int? = nil, fiscalYear: Int? = nil, status: ItemStatus? = nil, side: ItemSide? = nil) {
        self.step = step
        self.fiscalYear = fiscalYear
        self.status = status
        self.side = side
    }

    public func matches(_ item: RoadmapItem) -> Bool {
        (step.map { $0 == item.step } ?? true)
            && (fiscalYear.map { item.fiscalYears.contains($0) } ?? true)
            && (status.map { $0 == item.status } ?? true)
            && (side.map { $0 == item.side } ?? true)
    }
}

/// The items of one step that start in one fiscal year: how `GET /roadmap`
/// groups its answer.
public struct RoadmapSection: Hashable, Sendable, Encodable {
    public let step: Int
    public let fiscalYear: Int
    public let items: [RoadmapItem]

    enum CodingKeys: String, CodingKey {
        case step
        case fiscalYear = "fiscal_year"
        case items
    }
}

extension RoadmapSchedule {
    /// The matching items, in schedule order.
    public func items(matching filter: RoadmapFilter) -> [RoadmapItem] {
        items.filter(filter.matches)
    }

    /// The matching items grouped by step, then by the fiscal year of their
    /// planned start; sections in order, empty ones left out.
    public func sections(matching filter: RoadmapFilter) -> [RoadmapSection] {
        let matching = items(matching: filter)
        var sections: [RoadmapSection] = []
        for step in steps.map(\.number) {
            for year in fiscalYears {
                let found = matching.filter { $0.step == step && FiscalYear(containing: $0.plannedStart).startYear == year }
                if !found.isEmpty { sections.append(RoadmapSection(step: step, fiscalYear: year, items: found)) }
            }
        }
        return sections
    }
}
