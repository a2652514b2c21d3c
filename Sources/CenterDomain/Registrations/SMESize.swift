/// The sector that sets an SME's size limits (業種).
public enum SMESector: String, Sendable, Codable, CaseIterable {
    /// 製造業・建設業・運輸業その他 (also software and information processing).
    case manufacturingAndOthers = "manufacturing_and_others"
    /// 卸売業.
    case wholesale
    /// サービス業.
    case services
    /// 小売業.
    case retail
}

/// The SME size test (中小企業者の範囲).
///
/// Source: 中小企業基本法 第2条第1項, as cited by 条例 第2条: a business is an
/// SME when its capital OR its regular employees are within its sector's limit.
public enum SMESize {
    /// Capital limit in yen and regular-employee limit for a sector.
    public static func limits(for sector: SMESector) -> (capitalYen: Int, employees: Int) {
        switch sector {
        case .manufacturingAndOthers: return (300_000_000, 300)
        case .wholesale: return (100_000_000, 100)
        case .services: return (50_000_000, 100)
        case .retail: return (50_000_000, 50)
        }
    }

    /// True when either known figure is within the sector's limit.
    public static func isSME(sector: SMESector, capitalYen: Int?, regularEmployees: Int?) -> Bool {
        let limit = limits(for: sector)
        if let capital = capitalYen, capital <= limit.capitalYen { return true }
        if let employees = regularEmployees, employees <= limit.employees { return true }
        return false
    }
}
