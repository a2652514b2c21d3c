/// A day of the week (曜日), Sunday = 0 as in the Public Holiday Act's
/// substitute-holiday rule, which is about Sundays.
public enum Weekday: Int, Sendable, CaseIterable, Codable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// The one-character Japanese label used on receipts: 日 月 火 水 木 金 土.
    public var japanese: String { ["日", "月", "火", "水", "木", "金", "土"][rawValue] }

    /// The English name in lower case, as the API writes it.
    public var english: String {
        ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][rawValue]
    }
}

extension Weekday {
    /// The weekday named in lower-case English (`"monday"`), as configuration writes it.
    public init?(english: String) {
        guard let index = Weekday.allCases.firstIndex(where: { $0.english == english }) else { return nil }
        self = Weekday.allCases[index]
    }
}
