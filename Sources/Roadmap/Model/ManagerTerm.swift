import CalendarValues

/// A designated-manager term (指定管理者の指定期間): who runs the center
/// for the ward, from the first to the last day inclusive.
public struct ManagerTerm: Hashable, Codable, Sendable, Identifiable {
    /// How the operator is paid (料金制度).
    public enum FeeRegime: String, SchemaEnum {
        /// 利用料金制: usage fees are the operator's income.
        case usageFee = "usage_fee"
        /// 使用料制: fees are the ward's income; the operator gets a charge.
        case charge
        /// Not found in our sources.
        case unknown
    }

    public var id: String
    /// Operator name in English, "" when unknown.
    public var `operator`: String
    /// Operator name in Japanese, "" when unknown.
    public var operatorJa: String
    /// The label used in the report or our own (`指定管理者❶〜❺`).
    public var label: String
    public var start: LocalDate
    public var end: LocalDate
    public var dateSource: Provenance
    public var duties: [String]
    public var feeRegime: FeeRegime
    /// Where the facts come from, and what is inferred.
    public var source: String

    public init(id: String, operator: String = "", operatorJa: String = "", label: String,
                start: LocalDate, end: LocalDate, dateSource: Provenance = .stated,
                duties: [String] = [], feeRegime: FeeRegime = .unknown, source: String) {
        self.id = id
        self.operator = `operator`
        self.operatorJa = operatorJa
        self.label = label
        self.start = start
        self.end = end
        self.dateSource = dateSource
        self.duties = duties
        self.feeRegime = feeRegime
        self.source = source
    }

    /// Whether the term covers a day, first and last day included.
    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    enum CodingKeys: String, CodingKey {
        case id
        case `operator`
        case operatorJa = "operator_ja"
        case label, start, end
        case dateSource = "date_source"
        case duties
        case feeRegime = "fee_regime"
        case source
    }
}
