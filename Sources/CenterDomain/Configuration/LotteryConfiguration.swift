/// The lottery rounds (`lottery` in Config/center.json): each names its
/// rooms, the categories that enter, its days, caps and tiers
/// (`LotteryRound`). Rounds are configured per category: a round takes the
/// place of its participants' window opening, so a room is drawn in a round
/// for each category that books it by lottery, and a category enters at
/// most one round for a room. A room or category without a round is booked
/// first come.
public struct LotteryConfiguration: Hashable, Sendable, Codable {
    /// Where the values come from (`_comment`).
    public var comment: String?
    public var rounds: [LotteryRound]

    public init(comment: String? = nil, rounds: [LotteryRound]) {
        self.comment = comment
        self.rounds = rounds
    }

    enum CodingKeys: String, CodingKey { case comment = "_comment", rounds }

    /// The round in which `category` enters for `facility`, if any.
    public func round(for facility: FacilityID, category: UserCategory) -> LotteryRound? {
        rounds.first { $0.includes(facility) && $0.participants.contains(category) }
    }

    /// Every round that draws `facility`, in configuration order.
    public func rounds(for facility: FacilityID) -> [LotteryRound] { rounds.filter { $0.includes(facility) } }
}
