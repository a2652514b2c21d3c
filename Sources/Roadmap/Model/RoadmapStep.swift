/// A step of the renovation (整備のステップ, STEP 1–3) and the fiscal years
/// it spans. The report's table lost which columns each STEP heads, so the
/// spans are data with their provenance.
public struct RoadmapStep: Hashable, Codable, Sendable {
    public var number: Int
    public var firstFiscalYear: Int
    public var lastFiscalYear: Int
    public var dateSource: Provenance
    public var note: String

    public init(number: Int, firstFiscalYear: Int, lastFiscalYear: Int,
                dateSource: Provenance = .stated, note: String = "") {
        self.number = number
        self.firstFiscalYear = firstFiscalYear
        self.lastFiscalYear = lastFiscalYear
        self.dateSource = dateSource
        self.note = note
    }

    /// The step's fiscal years (just the first when the last is earlier, which validation refuses).
    public var fiscalYears: ClosedRange<Int> { firstFiscalYear...max(firstFiscalYear, lastFiscalYear) }

    enum CodingKeys: String, CodingKey {
        case number
        case firstFiscalYear = "first_fiscal_year"
        case lastFiscalYear = "last_fiscal_year"
        case dateSource = "date_source"
        case note
    }
}
