/// The ranges integer inputs share; each field's own range (days of a
/// booking, attendees) sits with its type. The OpenAPI document shows the
/// same constants as `minimum`/`maximum`, and the decoder refuses anything
/// outside them with "expected an integer between … and …".
public enum InputRange {
    /// Ids of stored records: positive, and at most 2^53 − 1, the largest
    /// integer a JavaScript client reads exactly.
    public static let id: ClosedRange<Int64> = 1...9_007_199_254_740_991
    /// Yen amounts a person types (admission per person): ¥0 to ¥10,000,000.
    public static let yen = 0...10_000_000
    /// Counts of people or things (members, employees, items): 0 to 1,000,000.
    public static let count = 0...1_000_000
    /// A company's capital in yen (資本金): up to ¥1 trillion, far above the
    /// ¥300 million SME line of 中小企業基本法 第2条.
    public static let capitalYen = 0...1_000_000_000_000
}
