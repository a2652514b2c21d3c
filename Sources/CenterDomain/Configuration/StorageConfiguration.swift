/// Equipment storage (備品倉庫): bays allocated per fiscal year to community
/// groups, the Nakano Tourism Association (観光協会) and the Silver Human
/// Resources Center (シルバー人材センター), applications ranked by priority.
/// The bays themselves are catalogue facilities of kind `storage_bay`, whose
/// capacity is in storage units. Configurable defaults (the renovation plan).
public struct StorageConfiguration: Hashable, Sendable, Codable {
    /// A kind of holder that may be allocated a bay, with its rank (1 first).
    public struct HolderCategory: Hashable, Sendable, Codable {
        public var id: String
        public var nameJa: String
        public var nameEn: String
        public var priority: Int

        public init(id: String, nameJa: String, nameEn: String, priority: Int) {
            self.id = id
            self.nameJa = nameJa
            self.nameEn = nameEn
            self.priority = priority
        }

        enum CodingKeys: String, CodingKey { case id, nameJa = "name_ja", nameEn = "name_en", priority }
    }

    public var bays: [FacilityID]
    public var categories: [HolderCategory]
    /// Allocation period: `fiscal_year`.
    public var allocationPeriod: String

    enum CodingKeys: String, CodingKey { case bays, categories, allocationPeriod = "allocation_period" }

    /// Categories ordered by priority, highest first.
    public var categoriesByPriority: [HolderCategory] { categories.sorted { $0.priority < $1.priority } }
}
