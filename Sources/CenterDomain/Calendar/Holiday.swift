import CalendarValues

/// A public holiday or statutory day off in Japan (祝日・休日), with its
/// Japanese and English names.
public struct Holiday: Hashable, Sendable, Codable {
    /// Why the day is off.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 国民の祝日: a holiday named in 国民の祝日に関する法律 第2条.
        case national
        /// 休日 declared by a special law for one year only (即位礼正殿の儀, 結婚の儀,
        /// 天皇の即位の日); the law treats it as a 国民の祝日 for 第3条.
        case special
        /// 振替休日: the day off for a holiday on a Sunday (第3条第2項).
        case substitute
        /// 国民の休日: a day between two holidays (第3条第3項).
        case citizens
    }

    public let date: LocalDate
    public let name: String
    public let nameEnglish: String
    public let kind: Kind

    public init(date: LocalDate, name: String, nameEnglish: String, kind: Kind) {
        self.date = date
        self.name = name
        self.nameEnglish = nameEnglish
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case date, name, kind
        case nameEnglish = "name_english"
    }
}
