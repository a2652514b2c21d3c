import CalendarValues

/// A category's booking window (予約受付期間): when it opens, and for
/// community groups when it closes.
///
/// Sources: community groups apply from 2 months to 3 days before use
/// (中野区集会施設等目的外使用規則 第2条). Other categories' openings are
/// configurable defaults from comparable wards (Koto 6 months, others by tier).
/// The opening date itself (with closed-day roll-forward) is computed by the
/// calendar module and passed in as `windowOpens`.
public struct CategoryWindow: Hashable, Sendable, Codable {
    public let category: UserCategory
    /// How the opening is computed; nil when the category books no rooms (freelancer).
    public let opens: WindowSpec?
    /// The last day to book is this many days before use (community groups: 3);
    /// nil means up to and including the use date.
    public let closesDaysBefore: Int?
    /// Facility kinds the category may book.
    public let kinds: [FacilityKind]

    public init(category: UserCategory, opens: WindowSpec?, closesDaysBefore: Int? = nil, kinds: [FacilityKind] = [.room]) {
        self.category = category
        self.opens = opens
        self.closesDaysBefore = closesDaysBefore
        self.kinds = kinds
    }

    enum CodingKeys: String, CodingKey {
        case category = "id", opens = "window", closesDaysBefore = "closes_days_before", kinds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(UserCategory.self, forKey: .category)
        opens = try c.decodeIfPresent(WindowSpec.self, forKey: .opens)
        closesDaysBefore = try c.decodeIfPresent(Int.self, forKey: .closesDaysBefore)
        kinds = try c.decodeIfPresent([FacilityKind].self, forKey: .kinds) ?? [.room]
    }

    /// The last day on which `useDate` may still be booked.
    public func lastBookingDay(for useDate: LocalDate) -> LocalDate {
        useDate.adding(days: -(closesDaysBefore ?? 0))
    }

    /// Refuses `category_not_permitted` when the category may not book
    /// this kind, `window_not_open` before `windowOpens` and `window_closed` after
    /// the last booking day; details carry `opens` and `closes`.
    public func check(kind: FacilityKind, useDate: LocalDate, today: LocalDate, windowOpens: LocalDate) throws(Refusal<CategoryWindow.Code>) {
        guard kinds.contains(kind), opens != nil || kind == .desk else {
            throw Refusal(.categoryNotPermitted, "The \(category.rawValue) category may not book a \(kind.rawValue).",
                          details: ["category": category.rawValue, "kind": kind.rawValue])
        }
        let closes = lastBookingDay(for: useDate)
        let details = ["opens": windowOpens.description, "closes": closes.description, "date": useDate.description]
        guard today >= windowOpens else {
            throw Refusal(.windowNotOpen, "Booking for \(useDate) opens on \(windowOpens).", details: details)
        }
        guard today <= closes else {
            throw Refusal(.windowClosed, "Booking for \(useDate) closed on \(closes).", details: details)
        }
    }
}

extension CategoryWindow {
    /// What a category's window refuses.
    public enum Code: String, ErrorCode {
        case categoryNotPermitted = "category_not_permitted"
        case windowNotOpen = "window_not_open"
        case windowClosed = "window_closed"
    }
}
