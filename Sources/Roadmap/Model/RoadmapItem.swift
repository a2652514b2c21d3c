import CalendarValues

/// One item (項目) of the renovation steps in the ward's 2024-11 report
/// (「新たな中野区産業振興センター整備のステップ（案）」): a works item, a
/// support programme or an organisational change, with its plan, its
/// progress, what it depends on and the facilities it closes.
public struct RoadmapItem: Hashable, Codable, Sendable, Identifiable {
    /// Kebab-case id, stable across edits (`wifi`, `gym-cooling`).
    public var id: String
    public var titleJa: String
    public var titleEn: String
    /// STEP 1...3.
    public var step: Int
    public var side: ItemSide
    /// Planned first and last month (計画), both inclusive.
    public var plannedStart: YearMonth
    public var plannedEnd: YearMonth
    /// Whether the planned months are the report's or our reading of it.
    public var dateSource: Provenance
    public var dateNote: String
    /// Actual first and last day (実績), when known.
    public var actualStart: LocalDate?
    public var actualEnd: LocalDate?
    public var status: ItemStatus
    public var statusSource: Provenance
    public var statusNote: String
    /// Ids of the items that must be done before this one can be.
    public var dependsOn: [String]
    public var closures: [WorksClosure]

    public init(id: String, titleJa: String, titleEn: String, step: Int, side: ItemSide,
                plannedStart: YearMonth, plannedEnd: YearMonth,
                dateSource: Provenance = .stated, dateNote: String = "",
                actualStart: LocalDate? = nil, actualEnd: LocalDate? = nil,
                status: ItemStatus = .planned, statusSource: Provenance = .stated, statusNote: String = "",
                dependsOn: [String] = [], closures: [WorksClosure] = []) {
        self.id = id
        self.titleJa = titleJa
        self.titleEn = titleEn
        self.step = step
        self.side = side
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.dateSource = dateSource
        self.dateNote = dateNote
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.status = status
        self.statusSource = statusSource
        self.statusNote = statusNote
        self.dependsOn = dependsOn
        self.closures = closures
    }

    /// The fiscal years the plan touches.
    /// The fiscal years from the planned start's to the planned end's (just
    /// the start's when the end is earlier, which validation refuses).
    public var fiscalYears: ClosedRange<Int> {
        let first = FiscalYear(containing: plannedStart).startYear
        return first...max(first, FiscalYear(containing: plannedEnd).startYear)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case titleJa = "title_ja"
        case titleEn = "title_en"
        case step, side
        case plannedStart = "planned_start"
        case plannedEnd = "planned_end"
        case dateSource = "date_source"
        case dateNote = "date_note"
        case actualStart = "actual_start"
        case actualEnd = "actual_end"
        case status
        case statusSource = "status_source"
        case statusNote = "status_note"
        case dependsOn = "depends_on"
        case closures
    }
}
