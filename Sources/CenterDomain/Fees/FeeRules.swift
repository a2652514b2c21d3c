/// The fee rules (利用料金の算定): surcharges, exemptions and rounding. The
/// per-division base fees live on each `Facility`.
///
/// The ordinance's fee table (条例 別表) is not in our sources, so bases are
/// placeholder data. Surcharges are configurable defaults from comparable
/// facilities: admission above ¥1,000 ×1.5 (Nakano city-hall spaces charge a
/// different fee from ¥1,001 admission), commercial or sales use ×2.0
/// (Itabashi, Tokachi), out-of-ward users ×1.2 (no Nakano source). They
/// multiply. Exemptions (減免) follow Koto and Nerima; the ward's own use is
/// fee exempt. Totals are rounded down to ¥10.
public struct FeeRules: Hashable, Sendable, Codable {
    /// What makes a surcharge apply.
    public enum Trigger: String, Hashable, Sendable, Codable {
        /// Admission per person above `thresholdYen` (入場料徴収).
        case admissionAbove = "admission_above"
        /// Commercial purpose or sales (営利・物品販売).
        case commercial
        /// The user is from outside the ward (区外).
        case outOfWard = "out_of_ward"
    }

    /// A multiplicative surcharge (割増).
    public struct Surcharge: Hashable, Sendable, Codable {
        public var code: String
        public var labelJa: String
        public var labelEn: String
        public var trigger: Trigger
        /// Multiplier, e.g. 1.5; applied in whole percent.
        public var multiplier: Double
        /// For `admission_above`: the admission in yen that must be exceeded.
        public var thresholdYen: Int?

        public init(code: String, labelJa: String, labelEn: String, trigger: Trigger, multiplier: Double, thresholdYen: Int? = nil) {
            self.code = code
            self.labelJa = labelJa
            self.labelEn = labelEn
            self.trigger = trigger
            self.multiplier = multiplier
            self.thresholdYen = thresholdYen
        }

        enum CodingKeys: String, CodingKey {
            case code, labelJa = "label_ja", labelEn = "label_en", trigger, multiplier, thresholdYen = "threshold_yen"
        }

        /// The multiplier in whole percent (1.5 → 150).
        public var percent: Int { nearestInteger(multiplier * 100) }
    }

    /// A reduction or exemption (減免) by code.
    public struct Exemption: Hashable, Sendable, Codable {
        public var code: String
        public var labelJa: String
        public var labelEn: String
        /// Percent of the fee waived, 0…100.
        public var percent: Int
        /// A category to which it applies without being asked for (the ward's own use).
        public var automaticFor: UserCategory?

        public init(code: String, labelJa: String, labelEn: String, percent: Int, automaticFor: UserCategory? = nil) {
            self.code = code
            self.labelJa = labelJa
            self.labelEn = labelEn
            self.percent = percent
            self.automaticFor = automaticFor
        }

        enum CodingKeys: String, CodingKey {
            case code, labelJa = "label_ja", labelEn = "label_en", percent, automaticFor = "automatic_for"
        }
    }

    public var surcharges: [Surcharge]
    public var exemptions: [Exemption]
    public var roundingUnit: Int

    public init(surcharges: [Surcharge] = FeeRules.defaultSurcharges, exemptions: [Exemption] = FeeRules.defaultExemptions,
                roundingUnit: Int = 10) {
        self.surcharges = surcharges
        self.exemptions = exemptions
        self.roundingUnit = roundingUnit
    }

    enum CodingKeys: String, CodingKey { case surcharges, exemptions, roundingUnit = "rounding_unit" }

    public static let defaultSurcharges: [Surcharge] = [
        Surcharge(code: "admission", labelJa: "入場料徴収", labelEn: "Admission charged above ¥1,000",
                  trigger: .admissionAbove, multiplier: 1.5, thresholdYen: 1000),
        Surcharge(code: "commercial", labelJa: "営利・物品販売", labelEn: "Commercial or sales use",
                  trigger: .commercial, multiplier: 2.0),
        Surcharge(code: "out_of_ward", labelJa: "区外利用", labelEn: "Out-of-ward user",
                  trigger: .outOfWard, multiplier: 1.2),
    ]

    public static let defaultExemptions: [Exemption] = [
        Exemption(code: "ward_use", labelJa: "区の使用", labelEn: "Ward use", percent: 100, automaticFor: .ward),
    ]
}
