/// Consumption tax on facility fees (消費税及び地方消費税, 「消費税等」).
///
/// The use of a room is a taxable supply (資産の貸付け, 消費税法 第4条; it is
/// not among the exempt supplies of 別表第二), whether the ward or its
/// designated manager charges it, at the standard rate of 10% (消費税 7.8%,
/// 消費税法 第29条, and 地方消費税 2.2%). Our decision: fees are set and
/// charged including tax (税込), as ward fee tables are, so a receipt shows
/// the amount as 税込 and the tax it includes, computed once per receipt
/// and rounded down (消費税法施行令 第70条の10 allows one rounding per rate
/// and document).
public struct ConsumptionTax: Hashable, Sendable {
    /// Percent, e.g. 10.
    public let ratePercent: Int

    public init(ratePercent: Int) { self.ratePercent = max(0, ratePercent) }

    /// 10%.
    public static let standard = ConsumptionTax(ratePercent: 10)

    /// The tax included in `amount` yen (税込): ⌊amount × rate ÷ (100 + rate)⌋; ¥181 of ¥2,000.
    public func included(in amount: Int) -> Int {
        amount <= 0 ? 0 : amount * ratePercent / (100 + ratePercent)
    }
}
