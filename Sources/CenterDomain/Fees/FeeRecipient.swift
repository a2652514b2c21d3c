/// Whose money a fee is (歳入の区分), for the revenue report:
/// - a community group's use is 目的外使用 of ward property, so its fee is a
///   usage fee (使用料) under the 行政財産使用料条例, paid to the ward, not the
///   manager's income (our reading of 目的外使用規則 and 目的外使用運営要綱;
///   that regulation's 施行規則 第2条(5) exempts use "集会場等として", which
///   the `assembly_use` exemption applies when staff grant it: an inference
///   that the center's rooms are listed there);
/// - every other category's fee is the designated manager's fee income
///   (利用料金, 利用料金制), unless the manager's terms are not 利用料金制,
///   when all of it is the ward's.
///
/// docs/DOMAIN.md "Who issues a registration".
public enum FeeRecipient: String, Hashable, Sendable, Codable, CaseIterable {
    /// 区の使用料 (歳入).
    case ward
    /// 指定管理者の利用料金収入.
    case designatedManager = "designated_manager"

    /// Who receives the fees of `category`; `managerKeepsFees` is false
    /// when the manager in charge does not run 利用料金制.
    public init(category: UserCategory, managerKeepsFees: Bool = true) {
        self = category == .communityGroup || !managerKeepsFees ? .ward : .designatedManager
    }

    /// 使用料 or 利用料金, as the report heads its column.
    public var feeNameJa: String {
        switch self {
        case .ward: "使用料"
        case .designatedManager: "利用料金"
        }
    }
}

/// Fee amounts split between the ward's usage fees and the manager's fee
/// income: each line (a fee, a refund as a negative amount, in yen) goes to
/// its `FeeRecipient`.
public struct RevenueSplit: Hashable, Sendable {
    public private(set) var wardUsageFees: Int = 0
    public private(set) var managerIncome: Int = 0

    public init() {}

    /// The split of `lines` (category and yen each).
    public init(lines: [(category: UserCategory, amount: Int)], managerKeepsFees: Bool = true) {
        for line in lines { add(line.amount, category: line.category, managerKeepsFees: managerKeepsFees) }
    }

    /// Adds one line.
    public mutating func add(_ amount: Int, category: UserCategory, managerKeepsFees: Bool = true) {
        switch FeeRecipient(category: category, managerKeepsFees: managerKeepsFees) {
        case .ward: wardUsageFees += amount
        case .designatedManager: managerIncome += amount
        }
    }

    /// Both together.
    public var total: Int { wardUsageFees + managerIncome }
}
