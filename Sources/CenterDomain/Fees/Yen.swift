/// Yen amounts as people read them: `¥2,000`, digits grouped by three with
/// commas, as receipts, messages and pages print them (CSV keeps plain
/// integers for spreadsheets).
public enum Yen {
    /// `2,000`; `-2,000` below zero.
    public static func grouped(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return amount < 0 ? "-" + out : out
    }

    /// `¥2,000`; `-¥2,000` below zero.
    public static func label(_ amount: Int) -> String {
        amount < 0 ? "-¥" + grouped(-amount) : "¥" + grouped(amount)
    }
}
