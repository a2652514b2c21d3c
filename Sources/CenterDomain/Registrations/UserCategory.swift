/// Who a registration books as (利用者区分), highest priority first.
///
/// Source: 条例 第2条・第5条 (SMEs, SME-related organisations, SME-worker
/// groups), 目的外使用運営要綱 第3条 (community groups). The order and the
/// `general` and `freelancer` categories are configurable defaults from
/// comparable wards (Koto, Minato, Suginami).
public enum UserCategory: String, Sendable, Codable, CaseIterable, Comparable {
    /// Nakano ward's own use (区の使用); fee exempt.
    case ward
    /// 中小企業関係団体: chambers of commerce, shopping-street and industry associations with an office in the ward.
    case economicGroup = "economic_group"
    /// In-ward SMEs (中小企業者) and SME-worker groups.
    case smallBusiness = "small_business"
    /// 地域団体 using the center under 目的外使用; holds the community quota.
    case communityGroup = "community_group"
    /// Anyone else, if free.
    case general
    /// Individuals using flexible desks only.
    case freelancer

    /// 0 is the highest priority.
    public var priorityRank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    /// Whether bookings in this category use the community quota's held share.
    public var isCommunity: Bool { self == .communityGroup }

    public static func < (a: UserCategory, b: UserCategory) -> Bool { a.priorityRank < b.priorityRank }
}
