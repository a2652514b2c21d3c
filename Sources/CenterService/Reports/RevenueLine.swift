import CalendarValues
import CenterDomain

/// One line of the revenue report (使用料収入): a month of the fiscal year
/// and the designated manager (指定管理者) in charge on the dates of use it
/// sums. Under 利用料金制 income belongs to the manager in charge on the date
/// of use (docs/DOMAIN.md, "Fees"), so a month with a change of term has a line per
/// term. `fees` are the fees of paid bookings, `refunds` what their
/// cancellations paid back (還付), `exemptions` the yen taken off by
/// exemptions (減免), `net` fees less refunds. A booking over several days
/// splits its amounts evenly over them, the remainder on the first day.
/// `net` is split by whose money it is (`FeeRecipient`): `wardUsageFees`,
/// community groups' usage fees (使用料) paid to the ward, and
/// `managerFeeIncome`, the manager's fee income (利用料金); under a term
/// whose manager does not keep the fees (使用料制) all of it is the ward's.
public struct RevenueLine: Sendable, Hashable, Encodable {
    public let fiscalYear: Int
    public let month: YearMonth
    public let manager: String
    public let managerLabel: String
    public let operatorJa: String
    public let fees: Int
    public let refunds: Int
    public let exemptions: Int
    public let net: Int
    public let wardUsageFees: Int
    public let managerFeeIncome: Int

    enum CodingKeys: String, CodingKey {
        case fiscalYear = "fiscal_year", month, manager, managerLabel = "manager_label", operatorJa = "operator_ja"
        case fees, refunds, exemptions, net, wardUsageFees = "ward_usage_fees", managerFeeIncome = "manager_fee_income"
    }
}
