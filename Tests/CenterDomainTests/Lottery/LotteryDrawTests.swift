import CalendarValues
import Testing
@testable import CenterDomain

/// The draw: tiers first, then the keyed hash of seed and entry id; caps and
/// the community quota applied in draw order; the seed checked against its
/// commitment.
@Suite struct LotteryDrawTests {
    typealias F = RulesFixtures
    typealias L = LotteryFixtures

    func draw(_ ballot: LotteryBallot) throws -> LotteryResult { try LotteryDraw.draw(ballot) }

    func refusal(_ ballot: LotteryBallot) -> Refused? { F.refusal { _ = try LotteryDraw.draw(ballot) } }

    @Test func theCommitmentIsTheSHA256OfTheSeedsHexText() {
        #expect(L.seed.commitment == SHA256.hexDigest(L.seed.hex))
        #expect(L.seed.matches(commitment: L.seed.commitment))
        #expect(!L.seed.matches(commitment: SHA256.hexDigest("another")))
    }

    @Test func theOrderKeyIsTheSHA256OfSeedColonEntryID() {
        #expect(L.seed.orderKey(entryID: "E0001") == SHA256.hexDigest(L.seed.hex + ":E0001"))
    }

    @Test func aSeedIs64LowercaseHexDigits() {
        #expect(LotterySeed(hex: String(repeating: "a", count: 64)) != nil)
        #expect(LotterySeed(hex: String(repeating: "A", count: 64)) == nil)
        #expect(LotterySeed(hex: String(repeating: "a", count: 63)) == nil)
        #expect(LotterySeed(hex: String(repeating: "g", count: 64)) == nil)
    }

    @Test func aGeneratedSeedIsFreshEachTime() {
        var generator = SystemRandomNumberGenerator()
        #expect(LotterySeed.generate(using: &generator) != LotterySeed.generate(using: &generator))
    }

    @Test func aSeedThatIsNotTheCommittedOneIsRefused() {
        let other = LotterySeed(hex: String(repeating: "f", count: 64))!
        let error = refusal(L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")], seed: other))
        #expect(error?.code == "lottery_seed_mismatch")
        #expect(error?.details["seed_sha256"] == other.commitment)
    }

    @Test func aBallotWithoutTheSeedCannotBeDrawn() {
        #expect(refusal(L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")], seed: nil))?.code == "lottery_seed_missing")
    }

    @Test func entriesWithinATierAreOrderedByTheirKeys() throws {
        let entries = (1...6).map { L.entry("E\($0)", "A\($0)") }
        let result = try draw(L.ballot(applicants: (1...6).map { L.applicant("A\($0)") }, entries: entries))
        let expected = entries.map(\.id).sorted { L.seed.orderKey(entryID: $0) < L.seed.orderKey(entryID: $1) }
        #expect(result.order.map(\.entry) == expected)
        #expect(result.order.map(\.rank) == Array(1...6))
        #expect(result.order.filter(\.won).map(\.entry) == [expected[0]])
        #expect(result.order.dropFirst().allSatisfy { $0.loss == .slotTaken })
    }

    @Test func aHigherTierIsDrawnBeforeAnyLowerOne() throws {
        let applicants = [L.applicant("OUT", "out_of_ward"), L.applicant("IN", "in_ward"), L.applicant("ECO", "economic_group")]
        let entries = [L.entry("E1", "OUT"), L.entry("E2", "IN"), L.entry("E3", "ECO")]
        let result = try draw(L.ballot(applicants: applicants, entries: entries))
        #expect(result.order.map(\.applicant) == ["ECO", "IN", "OUT"])
        #expect(result.winners.map(\.applicant) == ["ECO"])
    }

    @Test func anEntryWinsAllItsDivisionsOrNone() throws {
        let applicants = [L.applicant("ECO", "economic_group"), L.applicant("IN")]
        let entries = [L.entry("E1", "ECO", "gym", "2027-01-05", [.pm]), L.entry("E2", "IN", "gym", "2027-01-05", [.am, .pm])]
        let result = try draw(L.ballot(applicants: applicants, entries: entries))
        #expect(result.order.map(\.loss) == [nil, .slotTaken])
        #expect(result.unwon.contains(L.slot("gym", "2027-01-05", .am)))
    }

    @Test func aSlotThatIsNoLongerFreeIsNotWon() throws {
        let available = L.available().filter { $0 != L.slot("gym", "2027-01-05", .am) }
        let result = try draw(L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")], available: available))
        #expect(result.order.first?.loss == .slotUnavailable)
        #expect(result.winners.isEmpty)
        #expect(result.summary.first { $0.slot == L.slot("gym", "2027-01-05", .am) }?.available == false)
    }

    @Test func winsStopAtTheApplicantsAllowance() throws {
        let entries = [L.entry("E1", "A1", "gym", "2027-01-05", [.am, .pm]), L.entry("E2", "A1", "gym", "2027-01-06", [.am, .pm])]
        let result = try draw(L.ballot(applicants: [L.applicant("A1", wins: 3)], entries: entries))
        #expect(result.order.map(\.loss) == [nil, .winLimitReached])
        #expect(result.winners.count == 2)
    }

    @Test func aLosingEntryTakesNothingSoALaterOneMayStillWin() throws {
        let entries = [L.entry("E1", "A1", "gym", "2027-01-05", [.am, .pm, .night]), L.entry("E2", "A1", "gym", "2027-01-06", [.am])]
        let result = try draw(L.ballot(applicants: [L.applicant("A1", wins: 2)], entries: entries))
        #expect(result.order.first { $0.entry == "E1" }?.loss == .winLimitReached)
        #expect(result.order.first { $0.entry == "E2" }?.won == true)
    }

    @Test func winnersNeverPassWhatTheCommunityQuotaLeaves() throws {
        let quota = LotteryQuota(facility: "gym", quota: CommunityQuota(share: 0.3), bookableUnits: 6, nonCommunityBooked: 2)
        #expect(quota.ceiling == 4)
        #expect(quota.unitsLeft == 2)
        let applicants = (1...4).map { L.applicant("A\($0)") }
        let entries = zip(L.available(), 1...4).map { slot, n in
            LotteryEntry(id: "E\(n)", applicant: "A\(n)", facility: slot.facility, date: slot.date, divisions: [slot.division])
        }
        let result = try draw(L.ballot(applicants: applicants, entries: entries, quota: [quota]))
        #expect(result.winners.count == 2)
        #expect(result.order.filter { $0.loss == .communityQuotaReserved }.count == 2)
    }

    @Test func aFacilityWithoutQuotaIsNotLimitedByIt() throws {
        let quota = LotteryQuota(facility: "multipurpose-hall", quota: CommunityQuota(share: 1), bookableUnits: 6, nonCommunityBooked: 0)
        let result = try draw(L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")], quota: [quota]))
        #expect(result.winners.count == 1)
    }

    @Test func theDrawIsTheSameEveryTime() throws {
        let applicants = (1...5).map { L.applicant("A\($0)", $0 % 2 == 0 ? "out_of_ward" : "in_ward", wins: 2) }
        let entries = (1...20).map { n in
            L.entry("E\(n)", "A\(n % 5 + 1)", "gym", n % 2 == 0 ? "2027-01-05" : "2027-01-06", [[.am], [.pm], [.am, .pm], [.night]][n % 4])
        }
        let ballot = L.ballot(applicants: applicants, entries: entries)
        #expect(try draw(ballot) == draw(ballot))
        var reversed = ballot
        reversed.entries.reverse()
        #expect(try draw(reversed).order == draw(ballot).order)
    }

    @Test func anotherSeedGivesAnotherOrder() throws {
        let other = LotterySeed(hex: String(repeating: "fedcba9876543210", count: 4))!
        let entries = (1...8).map { L.entry("E\($0)", "A\($0)") }
        var ballot = L.ballot(applicants: (1...8).map { L.applicant("A\($0)") }, entries: entries)
        let first = try draw(ballot).order.map(\.entry)
        ballot.commitment = other.commitment
        ballot.seed = other
        #expect(try draw(ballot).order.map(\.entry) != first)
    }

    @Test func unwonSlotsAreLeftForFirstComeInTheBallotsOrder() throws {
        let result = try draw(L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1", "gym", "2027-01-06", [.pm])]))
        #expect(result.unwon == L.available().filter { $0 != L.slot("gym", "2027-01-06", .pm) })
        #expect(result.winners.map(\.slot) == [L.slot("gym", "2027-01-06", .pm)])
    }

    @Test func theSummaryCountsEntriesPerSlotWithoutNames() throws {
        let entries = [L.entry("E1", "A1"), L.entry("E2", "A2"), L.entry("E3", "A2", "gym", "2027-01-06", [.night])]
        let result = try draw(L.ballot(applicants: [L.applicant("A1"), L.applicant("A2")], entries: entries))
        #expect(result.summary.map(\.entries) == [2, 1])
        #expect(result.summary.allSatisfy { $0.won })
    }

    @Test func eachApplicantSeesItsOwnResults() throws {
        let entries = [L.entry("E1", "A1"), L.entry("E2", "A2"), L.entry("E3", "A2", "gym", "2027-01-06")]
        let result = try draw(L.ballot(applicants: [L.applicant("A1"), L.applicant("A2")], entries: entries))
        #expect(Set(result.results(of: "A2").map(\.entry)) == ["E2", "E3"])
    }

    @Test func aBallotThatMakesNoSenseIsRefusedWithItsPath() {
        func path(_ change: (inout LotteryBallot) -> Void) -> String? {
            var ballot = L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")])
            change(&ballot)
            let error = refusal(ballot)
            #expect(error == nil || error?.code == "lottery_ballot_invalid")
            return error?.details["path"]
        }
        #expect(path { $0.entries.append(L.entry("E1", "A1", "gym", "2027-01-06")) } == "$.entries[1].id")
        #expect(path { $0.entries.append(L.entry("E2", "A9")) } == "$.entries[1].applicant")
        #expect(path { $0.entries.append(L.entry("E2", "A1", "gym", "2027-02-01")) } == "$.entries[1].date")
        #expect(path { $0.entries.append(L.entry("E2", "A1", "gym", "2027-01-06", [.am, .am])) } == "$.entries[1].divisions")
        #expect(path { $0.entries.append(L.entry("E 2", "A1", "gym", "2027-01-06")) } == "$.entries[1].id")
        #expect(path { $0.applicants.append(L.applicant("A2", "vip")) } == "$.applicants[1].tier")
        #expect(path { $0.available.append($0.available[0]) } == "$.available[6]")
        #expect(path { $0.tiers.append("in_ward") } == "$.tiers")
        #expect(path { $0.commitment = "abc" } == "$.commitment")
        #expect(path { $0.format = "nakano-center-lottery-ballot/2" } == "$.format")
        #expect(path { _ in } == nil)
    }

    @Test func aPublishedQuotaCeilingMustFollowTheQuotaRule() throws {
        let json = #"{"facility":"gym","bookable_units":81,"share":0.3,"ceiling":60,"non_community_booked":0}"#
        let wrong = try decode(LotteryQuota.self, json)
        let error = refusal(L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")], quota: [wrong]))
        #expect(error?.details["path"] == "$.quota[0].ceiling")
        #expect(error?.message.contains("56") == true)
    }

    @Test func aBallotRoundTripsThroughItsJSON() throws {
        let ballot = L.ballot(applicants: [L.applicant("A1")], entries: [L.entry("E1", "A1")],
                              quota: [LotteryQuota(facility: "gym", quota: CommunityQuota(), bookableUnits: 81, nonCommunityBooked: 3)])
        #expect(try decode(LotteryBallot.self, encodeJSON(ballot)) == ballot)
        #expect(try encodeJSON(ballot).contains(#""format":"nakano-center-lottery-ballot/1""#))
    }
}
