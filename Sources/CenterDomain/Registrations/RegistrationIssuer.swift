/// Who issues a registration and its card (登録証の交付者), derived from the
/// category:
/// - community groups (目的外使用) register with the ward, the 区長, with a
///   member roster (目的外使用運営要綱 第4条), valid at most two years and
///   renewed in a period the 区長 sets (第5条);
/// - every other category registers with the designated manager (指定管理者),
///   proving eligibility under 条例 第5条 (運営要綱 第2条), renewed in a period
///   the manager sets (第3条). The ward's own use is booked through the
///   manager too (our decision).
///
/// docs/DOMAIN.md "Who issues a registration".
public enum RegistrationIssuer: String, Hashable, Sendable, Codable, CaseIterable {
    /// 中野区長: community groups.
    case ward
    /// 指定管理者: everyone else.
    case designatedManager = "designated_manager"

    /// The issuer of a registration of `category`.
    public init(category: UserCategory) {
        self = category == .communityGroup ? .ward : .designatedManager
    }

    /// As the card prints it.
    public var nameJa: String {
        switch self {
        case .ward: "中野区長"
        case .designatedManager: "指定管理者"
        }
    }

    public var nameEn: String {
        switch self {
        case .ward: "Mayor of Nakano City"
        case .designatedManager: "Designated manager"
        }
    }
}

extension UserCategory {
    /// Who issues this category's registrations.
    public var issuer: RegistrationIssuer { RegistrationIssuer(category: self) }
}
