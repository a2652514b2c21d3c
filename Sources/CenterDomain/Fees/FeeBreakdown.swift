/// Every step of a fee (料金内訳), for the API to render and the receipt to print.
public struct FeeBreakdown: Hashable, Sendable, Codable {
    /// One line: a division's fee, a free gap between consecutive divisions,
    /// or the hours of an hourly room.
    public struct Line: Hashable, Sendable, Codable {
        /// `division`, `gap_hours` or `hours`.
        public let kind: String
        public let division: DivisionID?
        public let label: String
        public let base: Int
        /// Codes of the surcharges multiplied in, in order.
        public let multipliers: [String]
        public let amount: Int
        /// The hours of an `hours` line.
        public let hours: Int?

        init(kind: String, division: DivisionID?, label: String, base: Int, multipliers: [String], amount: Int, hours: Int? = nil) {
            self.kind = kind
            self.division = division
            self.label = label
            self.base = base
            self.multipliers = multipliers
            self.amount = amount
            self.hours = hours
        }
    }

    /// A surcharge applied to every division line.
    public struct AppliedSurcharge: Hashable, Sendable, Codable {
        public let code: String
        public let label: String
        public let multiplier: Double
    }

    /// An exemption and the yen it takes off.
    public struct AppliedExemption: Hashable, Sendable, Codable {
        public let code: String
        public let label: String
        public let percent: Int
        public let amount: Int
    }

    /// A free gap (`HH:MM`–`HH:MM`) between two booked consecutive divisions.
    public struct GapHours: Hashable, Sendable, Codable {
        public let from: String
        public let to: String
        public let minutes: Int
    }

    public let lines: [Line]
    public let surcharges: [AppliedSurcharge]
    public let exemptions: [AppliedExemption]
    public let gapHoursFree: [GapHours]
    /// Sum of the lines.
    public let subtotal: Int
    /// The (non-positive) adjustment that rounds down to the rounding unit.
    public let rounding: Int
    public let total: Int

    enum CodingKeys: String, CodingKey {
        case lines, surcharges, exemptions, gapHoursFree = "gap_hours_free", subtotal, rounding, total
    }
}
