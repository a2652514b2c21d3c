import CalendarValues

/// Why an entry did not win, in the order the draw checks (`LotteryDraw`).
public enum LotteryLoss: String, Hashable, Sendable, Codable {
    /// A slot it asks for was not free at the draw (booked before, or closed).
    case slotUnavailable = "slot_unavailable"
    /// An entry drawn before it won one of its slots.
    case slotTaken = "slot_taken"
    /// Its applicant had won as many units as it may (`wins_allowed`).
    case winLimitReached = "win_limit_reached"
    /// The community quota leaves no more non-community units in the facility.
    case communityQuotaReserved = "community_quota_reserved"
}

/// The outcome of a draw (抽選結果), as the service publishes it and
/// `bench/replay-lottery.py` prints it: every entry in draw order with its
/// outcome, the winner of each won slot, the slots nobody won (open first
/// come at the round's time) and, per slot asked for, how many entries asked
/// and whether it was won (the public summary, without names).
public struct LotteryResult: Hashable, Sendable, Codable {
    /// The value of `format`.
    public static let format = "nakano-center-lottery-result/1"

    /// One entry in draw order.
    public struct Ranked: Hashable, Sendable, Codable {
        /// 1 for the first entry drawn.
        public let rank: Int
        public let entry: String
        public let applicant: String
        public let tier: String
        /// `LotterySeed.orderKey`.
        public let key: String
        /// nil when it won.
        public let loss: LotteryLoss?

        public init(rank: Int, entry: String, applicant: String, tier: String, key: String, loss: LotteryLoss?) {
            self.rank = rank
            self.entry = entry
            self.applicant = applicant
            self.tier = tier
            self.key = key
            self.loss = loss
        }

        public var won: Bool { loss == nil }

        enum CodingKeys: String, CodingKey { case rank, entry, applicant, tier, key, outcome, reason }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rank = try c.decode(Int.self, forKey: .rank)
            entry = try c.decode(String.self, forKey: .entry)
            applicant = try c.decode(String.self, forKey: .applicant)
            tier = try c.decode(String.self, forKey: .tier)
            key = try c.decode(String.self, forKey: .key)
            let outcome = try c.decode(String.self, forKey: .outcome)
            switch outcome {
            case "won": loss = nil
            case "lost": loss = try c.decode(LotteryLoss.self, forKey: .reason)
            default: throw DecodingError.dataCorruptedError(forKey: .outcome, in: c, debugDescription: "expected won or lost")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(entry, forKey: .entry)
            try c.encode(applicant, forKey: .applicant)
            try c.encode(tier, forKey: .tier)
            try c.encode(key, forKey: .key)
            try c.encode(loss == nil ? "won" : "lost", forKey: .outcome)
            try c.encodeIfPresent(loss, forKey: .reason)
        }
    }

    /// A won slot and who won it.
    public struct Winner: Hashable, Sendable, Codable {
        public let facility: FacilityID
        public let date: LocalDate
        public let division: DivisionID
        public let entry: String
        public let applicant: String

        public init(slot: DivisionSlot, entry: String, applicant: String) {
            facility = slot.facility
            date = slot.date
            division = slot.division
            self.entry = entry
            self.applicant = applicant
        }

        public var slot: DivisionSlot { DivisionSlot(facility: facility, date: date, division: division) }
    }

    /// One slot some entry asked for: how many asked, and whether it was won.
    public struct SlotSummary: Hashable, Sendable, Codable {
        public let facility: FacilityID
        public let date: LocalDate
        public let division: DivisionID
        /// Whether the slot was free at the draw.
        public let available: Bool
        public let entries: Int
        public let won: Bool

        public init(slot: DivisionSlot, available: Bool, entries: Int, won: Bool) {
            facility = slot.facility
            date = slot.date
            division = slot.division
            self.available = available
            self.entries = entries
            self.won = won
        }

        public var slot: DivisionSlot { DivisionSlot(facility: facility, date: date, division: division) }
    }

    /// `nakano-center-lottery-result/1`.
    public var format: String = Self.format
    public let round: String
    public let month: YearMonth
    public let commitment: String
    public let seed: LotterySeed
    public let order: [Ranked]
    /// In the ballot's `available` order.
    public let winners: [Winner]
    /// Free slots nobody won, in the ballot's `available` order.
    public let unwon: [DivisionSlot]
    /// The available slots asked for in `available` order, then the
    /// unavailable ones by facility, date and division id.
    public let summary: [SlotSummary]

    public init(round: String, month: YearMonth, commitment: String, seed: LotterySeed, order: [Ranked],
                winners: [Winner], unwon: [DivisionSlot], summary: [SlotSummary]) {
        self.round = round
        self.month = month
        self.commitment = commitment
        self.seed = seed
        self.order = order
        self.winners = winners
        self.unwon = unwon
        self.summary = summary
    }

    /// The entries of one applicant in draw order: its results.
    public func results(of applicant: String) -> [Ranked] { order.filter { $0.applicant == applicant } }
}
