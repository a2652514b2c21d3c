/// A priority tier of a lottery round (優先順位): every entry of a higher
/// tier is drawn before any of a lower one. A registration belongs to the
/// first tier whose conditions it meets; a condition left out matches all.
///
/// Sources: Minato 産業振興センター draws in-ward groups before out-of-ward
/// ones ("区内団体抽選予約 > … > 区外団体抽選予約"). Economic groups' priority
/// use (2024-11 report §6) is kept by their own round six months ahead; a
/// round that several categories of one window share can put one of them
/// first with `categories` (docs/DOMAIN.md "Lottery rounds (抽選)").
/// JSON: `{"id": "in_ward", "categories": ["small_business"], "in_ward": true}`.
public struct LotteryTier: Hashable, Sendable, Codable {
    /// Stable snake_case id, published on the ballot (`economic_group`, `in_ward`, …).
    public let id: String
    /// Categories of the tier; nil: any.
    public let categories: [UserCategory]?
    /// Whether the registration is in the ward (`in_ward`); nil: either.
    public let inWard: Bool?

    public init(id: String, categories: [UserCategory]? = nil, inWard: Bool? = nil) {
        self.id = id
        self.categories = categories
        self.inWard = inWard
    }

    enum CodingKeys: String, CodingKey { case id, categories, inWard = "in_ward" }

    /// Whether a registration of `category`, in the ward or not, is of this tier.
    public func matches(category: UserCategory, inWard: Bool) -> Bool {
        (categories?.contains(category) ?? true) && (self.inWard.map { $0 == inWard } ?? true)
    }
}
