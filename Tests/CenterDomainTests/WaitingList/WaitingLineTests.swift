import CalendarValues
import Testing
@testable import CenterDomain

/// The offer chain: a freed slot goes to the first in line (or the first
/// drawn); declined, expired or withdrawn offers pass on; when nobody is
/// left, or waiting has closed, the slot returns to first-come booking.
@Suite struct WaitingLineTests {
    typealias F = RulesFixtures
    typealias L = LotteryFixtures
    let rules = WaitingListRules(maxEntriesPerMonth: 2, order: .firstInLine, offerHoldHours: 48, closesDaysBefore: 6)
    let slot = LotteryFixtures.slot("meeting-room-1", "2026-08-20", .pm)

    func line(_ registrations: [String]) -> WaitingLine {
        WaitingLine(slot: slot, entries: registrations.enumerated().map { index, registration in
            WaitingEntry(id: "W\(index + 1)", registration: registration, slot: slot,
                         appliedAt: F.at("2026-07-0\(index + 1)T10:00:00+09:00"))
        })
    }

    func offeredID(_ step: WaitingLine.Step) -> String? {
        if case .offered(let entry, _) = step { return entry.id }
        return nil
    }

    @Test func aFreedSlotIsOfferedToTheFirstInLine() throws {
        var waiting = line(["reg-a", "reg-b", "reg-c"])
        let step = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(step == .offered(waiting.places[0].entry, deadline: F.at("2026-08-03T10:00:00+09:00")))
        #expect(waiting.offer?.entry.id == "W1")
    }

    @Test func aDeclinedOfferPassesToTheNext() throws {
        var waiting = line(["reg-a", "reg-b"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        let step = try waiting.decline("W1", at: F.at("2026-08-01T12:00:00+09:00"), rules: rules)
        #expect(offeredID(step) == "W2")
        #expect(waiting.places[0].status == .declined(at: F.at("2026-08-01T12:00:00+09:00")))
    }

    @Test func anExpiredOfferPassesToTheNext() throws {
        var waiting = line(["reg-a", "reg-b"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(waiting.tick(at: F.at("2026-08-03T10:00:00+09:00"), rules: rules) == .unchanged)
        let step = waiting.tick(at: F.at("2026-08-03T10:00:01+09:00"), rules: rules)
        #expect(offeredID(step) == "W2")
        #expect(waiting.places[0].status == .expired(at: F.at("2026-08-03T10:00:01+09:00")))
    }

    @Test func anAcceptedOfferBooksTheSlotForThatRegistration() throws {
        var waiting = line(["reg-a", "reg-b"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        let step = try waiting.accept("W1", at: F.at("2026-08-02T09:00:00+09:00"))
        #expect(step == .accepted(waiting.places[0].entry))
        #expect(waiting.places[1].status == .waiting)
        #expect(waiting.chain.isEmpty)
    }

    @Test func anOfferCannotBeAcceptedAfterItsDeadline() throws {
        var waiting = line(["reg-a"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(F.refusal { _ = try waiting.accept("W1", at: F.at("2026-08-03T10:00:01+09:00")) }?.code == "offer_expired")
    }

    @Test func onlyTheOfferedEntryAccepts() throws {
        var waiting = line(["reg-a", "reg-b"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(F.refusal { _ = try waiting.accept("W2", at: F.at("2026-08-01T11:00:00+09:00")) }?.code == "offer_not_found")
    }

    @Test func whenNobodyIsLeftTheSlotIsReleased() throws {
        var waiting = line(["reg-a"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(try waiting.decline("W1", at: F.at("2026-08-01T11:00:00+09:00"), rules: rules) == .released)
        #expect(try line([]).slotFreedReleases(rules))
    }

    @Test func aWithdrawnOfferPassesOnAndAWithdrawnWaiterIsSkipped() throws {
        var waiting = line(["reg-a", "reg-b", "reg-c"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(try waiting.withdraw("W2", at: F.at("2026-08-01T10:30:00+09:00"), rules: rules) == .unchanged)
        #expect(offeredID(try waiting.withdraw("W1", at: F.at("2026-08-01T11:00:00+09:00"), rules: rules)) == "W3")
        #expect(F.refusal { _ = try waiting.withdraw("W1", at: F.at("2026-08-01T12:00:00+09:00"), rules: rules) }?.code
            == "waiting_entry_not_found")
    }

    @Test func aLateJoinerGoesToTheEndOfARunningChain() throws {
        var waiting = line(["reg-a"])
        _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil)
        waiting.join(WaitingEntry(id: "W9", registration: "reg-z", slot: slot, appliedAt: F.at("2026-08-01T10:05:00+09:00")))
        #expect(offeredID(try waiting.decline("W1", at: F.at("2026-08-01T11:00:00+09:00"), rules: rules)) == "W9")
    }

    @Test func noOfferIsMadeAfterWaitingClosesAndTheWaitingAreClosed() throws {
        var waiting = line(["reg-a", "reg-b"])
        #expect(try waiting.slotFreed(at: F.at("2026-08-15T09:00:00+09:00"), rules: rules, seed: nil) == .released)
        #expect(waiting.places.allSatisfy { $0.status == .closed(at: F.at("2026-08-15T09:00:00+09:00")) })
    }

    @Test func anOfferRunningWhenWaitingClosesStillRunsButNeverPassesOn() throws {
        var waiting = line(["reg-a", "reg-b"])
        _ = try waiting.slotFreed(at: F.at("2026-08-14T10:00:00+09:00"), rules: rules, seed: nil)
        #expect(waiting.tick(at: F.at("2026-08-15T09:00:00+09:00"), rules: rules) == .unchanged)
        #expect(waiting.offer?.entry.id == "W1")
        #expect(waiting.places[1].status == .closed(at: F.at("2026-08-15T09:00:00+09:00")))
        #expect(waiting.tick(at: F.at("2026-08-16T10:00:01+09:00"), rules: rules) == .released)
    }

    @Test func inTheDrawOrderTheSeedOrdersTheWaiting() throws {
        let draw = WaitingListRules(maxEntriesPerMonth: 2, order: .draw, offerHoldHours: 48, closesDaysBefore: 6)
        var waiting = line(["reg-a", "reg-b", "reg-c", "reg-d"])
        let step = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: draw, seed: L.seed)
        let expected = ["W1", "W2", "W3", "W4"].sorted { L.seed.orderKey(entryID: $0) < L.seed.orderKey(entryID: $1) }
        #expect(waiting.chain == expected)
        #expect(offeredID(step) == expected[0])
        #expect(waiting.chainSeed == L.seed)
    }

    @Test func theDrawOrderNeedsASeed() {
        let draw = WaitingListRules(maxEntriesPerMonth: 2, order: .draw, offerHoldHours: 48, closesDaysBefore: 6)
        var waiting = line(["reg-a"])
        #expect(F.refusal { _ = try waiting.slotFreed(at: F.at("2026-08-01T10:00:00+09:00"), rules: draw, seed: nil) }?.code
            == "lottery_seed_missing")
    }
}

extension WaitingLine {
    /// Whether freeing the slot of this line at a fixed time releases it.
    fileprivate func slotFreedReleases(_ rules: WaitingListRules) throws -> Bool {
        var copy = self
        return try copy.slotFreed(at: RulesFixtures.at("2026-08-01T10:00:00+09:00"), rules: rules, seed: nil) == .released
    }
}
