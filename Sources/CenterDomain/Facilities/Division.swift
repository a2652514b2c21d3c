import CalendarValues

/// A time division (時間区分): the fixed unit in which rooms are booked.
///
/// Source: 施行規則 第5条 gives category 2 rooms 午前 09:00–12:00,
/// 午後 13:00–17:00 and 夜間 from 18:00; the night end (22:00) is a
/// configurable default taken from comparable wards (Nakano 区民活動センター,
/// Koto 産業会館). Category 1 uses the same divisions by default.
public struct Division: Hashable, Sendable, Codable {
    public let id: DivisionID
    /// 午前, 午後, 夜間.
    public let nameJa: String
    public let nameEn: String
    /// Start in Japan, `HH:MM`.
    public let start: String
    /// End in Japan, `HH:MM`.
    public let end: String

    public init(id: DivisionID, nameJa: String, nameEn: String, start: String, end: String) {
        self.id = id
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey {
        case id, nameJa = "name_ja", nameEn = "name_en", start, end
    }

    /// Minutes after midnight of `start`, nil when it is not `HH:MM`.
    public var startMinute: Int? { Division.minuteOfDay(start) }
    /// Minutes after midnight of `end`, nil when it is not `HH:MM`.
    public var endMinute: Int? { Division.minuteOfDay(end) }

    /// Parses `HH:MM` (00:00…24:00) into minutes after midnight.
    public static func minuteOfDay(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"),
              let h = LocalDate.digits(b[0..<2]), let m = LocalDate.digits(b[3..<5]),
              h <= 24, m < 60, h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// The three divisions of 施行規則 第5条 with the 22:00 night end.
    public static let standard: [Division] = [
        Division(id: .am, nameJa: "午前", nameEn: "Morning", start: "09:00", end: "12:00"),
        Division(id: .pm, nameJa: "午後", nameEn: "Afternoon", start: "13:00", end: "17:00"),
        Division(id: .night, nameJa: "夜間", nameEn: "Night", start: "18:00", end: "22:00"),
    ]
}
