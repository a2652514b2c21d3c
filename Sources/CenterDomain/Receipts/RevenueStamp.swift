/// The stamp duty on a receipt (収入印紙, 印紙税法 別表第一 第17号の1: a receipt
/// of the price of a sale or service): none below ¥50,000, ¥200 up to ¥1
/// million, rising by bands to ¥200,000 above ¥1 billion. The amount judged
/// is the price without the consumption tax when the receipt states the tax
/// included separately, as `Receipt` does (国税庁 消費税法改正等に伴う印紙税の取扱い).
///
/// A receipt made by the ward itself is exempt (印紙税法 第5条 第2号, 別表第二);
/// one made by the designated manager is not. A receipt stating payment by
/// credit card is not a receipt of money and needs none, but `card` also
/// covers debit cards, whose receipts do: our decision is that the stamp is
/// shown for every method, as a stamp too many costs less than one missing.
public enum RevenueStamp {
    /// Upper bounds (inclusive) of the bands and their duty; above the last, ¥200,000.
    static let bands: [(upTo: Int, duty: Int)] = [
        (49_999, 0), (1_000_000, 200), (2_000_000, 400), (3_000_000, 600), (5_000_000, 1_000),
        (10_000_000, 2_000), (20_000_000, 4_000), (30_000_000, 6_000), (50_000_000, 10_000),
        (100_000_000, 20_000), (200_000_000, 40_000), (300_000_000, 60_000), (500_000_000, 100_000),
        (1_000_000_000, 150_000),
    ]

    /// The duty in yen on a receipt of `amount` yen without tax.
    public static func duty(onAmountWithoutTax amount: Int) -> Int {
        bands.first { amount <= $0.upTo }?.duty ?? 200_000
    }
}
