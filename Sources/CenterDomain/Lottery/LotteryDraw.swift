/// The draw of a lottery round (抽選): a pure, deterministic function of the
/// published ballot (entries, applicants, free slots, quota, tiers) and the
/// revealed seed, replayed by `bench/replay-lottery.py` to the same result.
///
/// 1. The seed must match the commitment published before the entries
///    closed: SHA-256 of its 64 hex characters.
/// 2. Each entry gets its key, SHA-256 of `SEED:ENTRY_ID` in hex.
/// 3. Entries are ordered by tier (the ballot's order, highest first), then
///    by key (as hex text), then by id.
/// 4. In that order each entry wins all its slots, unless (checked in this
///    order) one of them is not free (`slot_unavailable`), one was won by an
///    earlier entry (`slot_taken`), its applicant's wins plus its units would
///    pass `wins_allowed` (`win_limit_reached`), or its units would pass what
///    the community quota leaves in the facility (`community_quota_reserved`).
///    A losing entry takes nothing, so a later one may still win.
///
/// docs/DOMAIN.md "Lottery rounds (抽選)".
public enum LotteryDraw {
    /// Draws `ballot`. Refuses `lottery_ballot_invalid` (`LotteryBallot.check`),
    /// `lottery_seed_missing` without a seed and `lottery_seed_mismatch`
    /// when the seed is not the committed one.
    public static func draw(_ ballot: LotteryBallot) throws(Refusal<LotteryDraw.Code>) -> LotteryResult {
        do throws(Refusal<LotteryBallot.Code>) {
            try ballot.check()
        } catch {
            throw error.recast(as: .lotteryBallotInvalid)
        }
        guard let seed = ballot.seed else {
            throw Refusal(.lotterySeedMissing, "The ballot has no seed: the draw needs the revealed seed.",
                          details: ["round": ballot.round, "month": ballot.month.description])
        }
        guard seed.matches(commitment: ballot.commitment) else {
            throw Refusal(.lotterySeedMismatch,
                          "The seed's SHA-256 is \(seed.commitment), not the published commitment \(ballot.commitment).",
                          details: ["round": ballot.round, "month": ballot.month.description,
                                    "commitment": ballot.commitment, "seed_sha256": seed.commitment])
        }
        let tierRank = Dictionary(uniqueKeysWithValues: ballot.tiers.enumerated().map { ($1, $0) })
        let applicants = Dictionary(uniqueKeysWithValues: ballot.applicants.map { ($0.id, $0) })
        let keyed = ballot.entries.compactMap { entry -> (entry: LotteryEntry, applicant: LotteryApplicant, tier: Int, key: String)? in
            guard let applicant = applicants[entry.applicant], let tier = tierRank[applicant.tier] else { return nil }
            return (entry, applicant, tier, seed.orderKey(entryID: entry.id))
        }.sorted { ($0.tier, $0.key, $0.entry.id) < ($1.tier, $1.key, $1.entry.id) }

        let free = Set(ballot.available)
        var quotaLeft = Dictionary(uniqueKeysWithValues: ballot.quota.map { ($0.facility, $0.unitsLeft) })
        var holder: [DivisionSlot: (entry: String, applicant: String)] = [:]
        var won: [String: Int] = [:]
        var order: [LotteryResult.Ranked] = []
        for (index, item) in keyed.enumerated() {
            let slots = item.entry.slots
            let units = slots.count
            let loss: LotteryLoss?
            if !slots.allSatisfy(free.contains) {
                loss = .slotUnavailable
            } else if slots.contains(where: { holder[$0] != nil }) {
                loss = .slotTaken
            } else if won[item.applicant.id, default: 0] + units > item.applicant.winsAllowed {
                loss = .winLimitReached
            } else if let left = quotaLeft[item.entry.facility], units > left {
                loss = .communityQuotaReserved
            } else {
                loss = nil
                for slot in slots { holder[slot] = (item.entry.id, item.applicant.id) }
                won[item.applicant.id, default: 0] += units
                if let left = quotaLeft[item.entry.facility] { quotaLeft[item.entry.facility] = left - units }
            }
            order.append(.init(rank: index + 1, entry: item.entry.id, applicant: item.applicant.id,
                               tier: item.applicant.tier, key: item.key, loss: loss))
        }

        var asked: [DivisionSlot: Int] = [:]
        for entry in ballot.entries { for slot in entry.slots { asked[slot, default: 0] += 1 } }
        let unavailableAsked = asked.keys.filter { !free.contains($0) }.sorted {
            ($0.facility.rawValue, $0.date, $0.division.rawValue) < ($1.facility.rawValue, $1.date, $1.division.rawValue)
        }
        let summary = ballot.available.compactMap { slot in
            asked[slot].map { LotteryResult.SlotSummary(slot: slot, available: true, entries: $0, won: holder[slot] != nil) }
        } + unavailableAsked.map { LotteryResult.SlotSummary(slot: $0, available: false, entries: asked[$0, default: 0], won: false) }

        return LotteryResult(
            round: ballot.round, month: ballot.month, commitment: ballot.commitment, seed: seed, order: order,
            winners: ballot.available.compactMap { slot in holder[slot].map { .init(slot: slot, entry: $0.entry, applicant: $0.applicant) } },
            unwon: ballot.available.filter { holder[$0] == nil },
            summary: summary)
    }
}

extension LotteryDraw {
    /// What a ballot cannot be drawn for.
    public enum Code: String, ErrorCode {
        case lotteryBallotInvalid = "lottery_ballot_invalid"
        case lotterySeedMissing = "lottery_seed_missing"
        case lotterySeedMismatch = "lottery_seed_mismatch"
    }
}
