extension UserCategory {
    /// The category as the counter says it (利用者区分).
    public var japaneseName: String {
        switch self {
        case .ward: "区の使用"
        case .economicGroup: "中小企業関係団体"
        case .smallBusiness: "中小企業"
        case .communityGroup: "地域団体"
        case .general: "一般"
        case .freelancer: "フリーランス"
        }
    }
}
