import CalendarValues

/// Everything a draw reads, as the service publishes it when the entries
/// close (without `seed`) and at the draw (with it), so that anyone can
/// replay the draw: `python3 bench/replay-lottery.py ballot.json`. The JSON
/// shape is docs/DOMAIN.md "The published ballot".
///
/// `available` lists the slots still free at the draw, in the order results
/// list them; `quota` what the community quota leaves non-community winners
/// per facility (a facility not listed has no quota); `tiers` the round's tier
/// ids, highest first. Entries and applicants carry no names.
public struct LotteryBallot: Hashable, Sendable, Codable {
    /// The value of `format`.
    public static let format = "nakano-center-lottery-ballot/1"

    /// `nakano-center-lottery-ballot/1`; `check()` refuses another.
    public var format: String
    public var round: String
    public var month: YearMonth
    public var commitment: String
    /// nil until the draw reveals it.
    public var seed: LotterySeed?
    public var tiers: [String]
    public var available: [DivisionSlot]
    public var quota: [LotteryQuota]
    public var applicants: [LotteryApplicant]
    public var entries: [LotteryEntry]

    public init(round: String, month: YearMonth, commitment: String, seed: LotterySeed?, tiers: [String],
                available: [DivisionSlot], quota: [LotteryQuota], applicants: [LotteryApplicant], entries: [LotteryEntry]) {
        self.format = Self.format
        self.round = round
        self.month = month
        self.commitment = commitment
        self.seed = seed
        self.tiers = tiers
        self.available = available
        self.quota = quota
        self.applicants = applicants
        self.entries = entries
    }

    /// Refuses `lottery_ballot_invalid` (422, `details.path` names the
    /// place) for a ballot no draw can read: another `format`; a commitment
    /// that is not 64 lowercase hex digits; ids that are not 1–64 ASCII
    /// letters, digits, `_`, `.` or `-`, or repeat; an entry of an unknown
    /// applicant, without divisions or with a repeated one, or dated outside
    /// the month; an applicant of an unknown tier or with negative wins; a
    /// repeated slot or quota facility; a quota ceiling that is not
    /// floor(bookable_units × (1 − share)).
    public func check() throws(Refusal<LotteryBallot.Code>) {
        func invalid(_ path: String, _ message: String) -> Refusal<LotteryBallot.Code> {
            Refusal(.lotteryBallotInvalid, "\(path): \(message)", details: ["path": path])
        }
        func checkID(_ id: String, _ path: String, _ seen: inout Set<String>) throws(Refusal<LotteryBallot.Code>) {
            guard Self.isPlainID(id) else { throw invalid(path, "expected 1–64 of A–Z a–z 0–9 _ . -") }
            guard seen.insert(id).inserted else { throw invalid(path, "repeated id \"\(id)\"") }
        }
        if format != Self.format { throw invalid("$.format", "expected \"\(Self.format)\"") }
        if LotterySeed(hex: commitment) == nil { throw invalid("$.commitment", "expected 64 lowercase hex digits") }
        if tiers.isEmpty { throw invalid("$.tiers", "at least one tier") }
        if Set(tiers).count != tiers.count { throw invalid("$.tiers", "a tier is listed twice") }
        var applicantIDs: Set<String> = []
        for (i, applicant) in applicants.enumerated() {
            let path = "$.applicants[\(i)]"
            try checkID(applicant.id, "\(path).id", &applicantIDs)
            guard tiers.contains(applicant.tier) else { throw invalid("\(path).tier", "unknown tier \"\(applicant.tier)\"") }
            guard applicant.winsAllowed >= 0 else { throw invalid("\(path).wins_allowed", "must not be negative") }
        }
        var entryIDs: Set<String> = []
        for (i, entry) in entries.enumerated() {
            let path = "$.entries[\(i)]"
            try checkID(entry.id, "\(path).id", &entryIDs)
            guard applicantIDs.contains(entry.applicant) else { throw invalid("\(path).applicant", "unknown applicant \"\(entry.applicant)\"") }
            guard entry.date.yearMonth == month else { throw invalid("\(path).date", "not in \(month)") }
            guard !entry.divisions.isEmpty else { throw invalid("\(path).divisions", "at least one division") }
            guard Set(entry.divisions).count == entry.divisions.count else { throw invalid("\(path).divisions", "a division is listed twice") }
        }
        var slots: Set<DivisionSlot> = []
        for (i, slot) in available.enumerated() where !slots.insert(slot).inserted {
            throw invalid("$.available[\(i)]", "repeated slot \(slot)")
        }
        var quotaFacilities: Set<FacilityID> = []
        for (i, limit) in quota.enumerated() {
            let path = "$.quota[\(i)]"
            guard quotaFacilities.insert(limit.facility).inserted else { throw invalid("\(path).facility", "repeated facility \"\(limit.facility)\"") }
            guard (0...1).contains(limit.share), limit.bookableUnits >= 0, limit.nonCommunityBooked >= 0 else {
                throw invalid(path, "share must be within 0…1 and the unit counts not negative")
            }
            let ceiling = CommunityQuota(share: limit.share).nonCommunityCeiling(bookableUnits: limit.bookableUnits)
            guard limit.ceiling == ceiling else { throw invalid("\(path).ceiling", "expected \(ceiling)") }
        }
    }

    /// 1–64 ASCII letters, digits, `_`, `.` or `-`: compared the same way by every language.
    static func isPlainID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return (1...64).contains(bytes.count) && bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || [UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-")].contains(byte)
        }
    }
}

extension LotteryBallot {
    /// What a ballot no draw can read is refused with.
    public enum Code: String, ErrorCode {
        case lotteryBallotInvalid = "lottery_ballot_invalid"
    }
}
