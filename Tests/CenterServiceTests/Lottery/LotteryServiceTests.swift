import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Testing
@testable import CenterService

/// Lottery rounds through the service (docs/DOMAIN.md "Lottery rounds (抽選)"):
/// the round `halls-general` draws the hall and gyms for general users one
/// month ahead. For January 2027: entries 2026-12-01 to 12-09, the draw on
/// 12-10 at 10:00, first come from 12-15 at 09:00.
@Suite struct LotteryServiceTests {
    static let round = "halls-general"
    static let month = YearMonth("2027-01")!

    func enter(_ f: BookingFixture, _ registration: Int64, _ date: String, _ divisions: [DivisionID] = [.am],
               facility: FacilityID = "gym", attendees: Int = 30, as actor: Actor? = nil) async throws -> LotteryEntryRecord {
        let request = LotteryEntryRequest(registration: registration, facility: facility, date: LocalDate(date)!,
                                          divisions: divisions, purpose: "バドミントン大会", attendees: attendees)
        return try await f.service.lottery.enter(request, by: actor ?? f.staff).value!
    }

    @Test func entriesAreTakenOnlyInTheEntryPeriod() async throws {
        let f = try await BookingFixture()
        let general = try await f.register(.general)
        #expect(await f.refusal { _ = try await enter(f, general, "2027-01-12") } == "lottery_entry_not_open")
        f.move(to: "2026-12-10T00:00:00+09:00")
        #expect(await f.refusal { _ = try await enter(f, general, "2027-01-12") } == "lottery_entry_closed")
        f.move(to: "2026-12-09T23:59:59+09:00")
        #expect(try await enter(f, general, "2027-01-12").state == "entered")
    }

    @Test func onlyTheRoundsParticipantsEnterForItsRooms() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let community = try await f.register(.communityGroup)
        let general = try await f.register(.general)
        #expect(await f.refusal { _ = try await enter(f, community, "2027-01-12") } == "lottery_category_not_permitted")
        #expect(await f.refusal { _ = try await enter(f, general, "2027-01-12", facility: "meeting-room-1", attendees: 10) } == "lottery_not_held")
    }

    @Test func aRegistrationHoldsAtMostFourEntriesAndNoSlotTwice() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let general = try await f.register(.general)
        for day in ["2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"] { _ = try await enter(f, general, day) }
        #expect(await f.refusal { _ = try await enter(f, general, "2027-01-12", [.am, .pm]) } == "lottery_entry_duplicate")
        #expect(await f.refusal { _ = try await enter(f, general, "2027-01-16") } == "lottery_entry_limit_reached")
    }

    @Test func aMemberEntersForItselfOnly() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let own = try await f.register(.general)
        let other = try await f.register(.general)
        #expect(try await enter(f, own, "2027-01-12", as: f.member(own)).registration == own)
        #expect(await f.refusal { _ = try await enter(f, other, "2027-01-12", as: f.member(own)) } == "registration_not_found")
    }

    @Test func anEntryIsWithdrawnOnlyDuringTheEntryPeriod() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let general = try await f.register(.general)
        let first = try await enter(f, general, "2027-01-12")
        let second = try await enter(f, general, "2027-01-13")
        #expect(try await f.service.lottery.withdraw(entry: first.id, by: f.staff).value?.state == "withdrawn")
        f.move(to: "2026-12-10T00:00:00+09:00")
        #expect(await f.refusal { _ = try await f.service.lottery.withdraw(entry: second.id, by: f.staff) } == "lottery_entry_closed")
    }

    /// The pseudonyms are numbered from the close: before it a withdrawal
    /// renumbers the applicants after it, so an entry shows none, and its
    /// audit lines do not change under it.
    @Test func anEntryShowsItsPseudonymOnlyFromTheCloseOfTheEntries() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let first = try await enter(f, try await f.register(.general), "2027-01-12")
        let second = try await enter(f, try await f.register(.general), "2027-01-13")
        #expect(second.applicant == nil)
        _ = try await f.service.lottery.withdraw(entry: first.id, by: f.staff)
        #expect(try await f.service.lottery.entry(id: second.id, for: f.staff).applicant == nil)
        f.move(to: "2026-12-10T00:00:00+09:00")
        #expect(try await f.service.lottery.entry(id: second.id, for: f.staff).applicant == "A001")
    }

    /// The last second of the entry days still takes entries and
    /// withdrawals, so the numbering is not fixed yet and no pseudonym is shown.
    @Test func anEntryShowsNoPseudonymInTheLastSecondOfTheEntries() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let entry = try await enter(f, try await f.register(.general), "2027-01-12")
        f.move(to: "2026-12-09T23:59:59+09:00")
        #expect(try await f.service.lottery.entry(id: entry.id, for: f.staff).applicant == nil)
    }

    /// The same seed every time: a service started with it commits to it.
    struct FixedSeeds: SeedSource {
        static let seed = LotterySeed(hex: String(repeating: "5e", count: 32))!
        func next() -> LotterySeed { Self.seed }
    }

    /// The seed is the service's seed source's, as the clock is its clock:
    /// a run that must replay (the simulation) draws the same lots again.
    @Test func theSeedComesFromTheServicesSeedSource() async throws {
        let f = try await BookingFixture(seeds: FixedSeeds())
        _ = try await f.service.lottery.advance(now: Instant(rfc3339: "2026-12-01T00:00:00+09:00")!)
        let status = try await f.service.lottery.month(round: Self.round, month: Self.month)
        #expect(status.commitment == FixedSeeds.seed.commitment)
    }

    @Test func theCommitmentIsPublishedWhenTheEntriesOpenAndTheBallotWhenTheyClose() async throws {
        let f = try await BookingFixture()
        let advance = try await f.service.lottery.advance(now: Instant(rfc3339: "2026-12-01T00:00:00+09:00")!)
        #expect(advance.committed.contains("\(Self.round)/2027-01"))
        f.move(to: "2026-12-02T10:00:00+09:00")
        let status = try await f.service.lottery.month(round: Self.round, month: Self.month)
        #expect(status.phase == .entry)
        #expect(status.commitment.map { LotterySeed(hex: $0) != nil } == true)
        #expect(status.seed == nil)
        #expect(await f.refusal { _ = try await f.service.lottery.ballot(round: Self.round, month: Self.month) }
                == "lottery_ballot_not_published")
        let general = try await f.register(.general)
        _ = try await enter(f, general, "2027-01-12")
        f.move(to: "2026-12-09T23:59:59+09:00")
        #expect(await f.refusal { _ = try await f.service.lottery.ballot(round: Self.round, month: Self.month) }
                == "lottery_ballot_not_published")
        f.move(to: "2026-12-10T00:00:00+09:00")
        let ballot = try await f.service.lottery.ballot(round: Self.round, month: Self.month)
        #expect(ballot.seed == nil)
        #expect(ballot.commitment == status.commitment)
        #expect(ballot.entries.map(\.applicant) == ["A001"])
    }

    /// The draw's line changes the round's month from its commitment alone
    /// (the commit line's after) to its drawn result.
    @Test func theDrawIsAuditedFromTheCommitmentItStartsFrom() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        _ = try await enter(f, try await f.register(.general), "2027-01-12")
        let drawAt = Instant(rfc3339: "2026-12-10T10:00:00+09:00")!
        f.clock.set(drawAt)
        _ = try await f.service.lottery.advance(now: drawAt)
        let lines = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 500)
            .filter { $0.entity == "lottery_round" && $0.entityID == "\(Self.round)/2027-01" }
        #expect(lines.map(\.action) == ["lottery.commit", "lottery.draw"])
        #expect(lines[1].before != nil)
        #expect(lines[1].before == lines[0].after)
    }

    @Test func theDrawRevealsTheCommittedSeedAndBooksEachWinnerProvisionally() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let registrations = [try await f.register(.general), try await f.register(.general), try await f.register(.general, inWard: false)]
        var entries: [LotteryEntryRecord] = []
        for registration in registrations { entries.append(try await enter(f, registration, "2027-01-12")) }
        let drawAt = Instant(rfc3339: "2026-12-10T10:00:00+09:00")!
        let early = try await f.service.lottery.advance(now: drawAt.adding(seconds: -1))
        #expect(!early.drawn.contains("\(Self.round)/2027-01"))
        f.clock.set(drawAt)
        let advance = try await f.service.lottery.advance(now: drawAt)
        #expect(advance.drawn.contains("\(Self.round)/2027-01"))
        let status = try await f.service.lottery.month(round: Self.round, month: Self.month)
        let seed = try #require(status.seed)
        #expect(seed.commitment == status.commitment)
        let result = try await f.service.lottery.result(round: Self.round, month: Self.month)
        let ballot = try await f.service.lottery.ballot(round: Self.round, month: Self.month)
        #expect(try LotteryDraw.draw(ballot) == result)
        #expect(result.order.first?.tier == "in_ward")
        #expect(result.order.last?.tier == "out_of_ward")
        let after = try await f.service.lottery.entries(registration: nil, round: Self.round, month: Self.month, for: f.staff)
        let won = after.filter { $0.state == "won" }
        #expect(won.count == 1)
        #expect(after.filter { $0.state == "lost" }.allSatisfy { $0.reason == .slotTaken })
        let winner = try #require(won.first)
        #expect(result.winners.map(\.entry) == [winner.entry])
        let booking = try await f.service.bookings.booking(id: try #require(winner.booking), for: f.staff)
        #expect(booking.state == .provisional)
        #expect(booking.source == .lottery)
        #expect(booking.paymentDeadline == f.settingsPaymentDeadline(bookedAt: drawAt, useDate: LocalDate("2027-01-12")!))
        #expect(try await f.service.lottery.advance(now: drawAt.adding(seconds: 60)).drawn.isEmpty)
    }

    @Test func eachRegistrationSeesItsOwnResultsUnderItsPseudonym() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let first = try await f.register(.general)
        let second = try await f.register(.general)
        _ = try await enter(f, first, "2027-01-12")
        _ = try await enter(f, second, "2027-01-12")
        _ = try await enter(f, second, "2027-01-13")
        f.move(to: "2026-12-10T10:00:00+09:00")
        try await f.service.lottery.advance(now: f.clock.now())
        let own = try await f.service.lottery.entries(registration: nil, round: nil, month: nil, for: f.member(second))
        #expect(own.count == 2)
        #expect(Set(own.map(\.applicant)) == ["A002"])
        #expect(own.allSatisfy { $0.rank != nil })
        let result = try await f.service.lottery.result(round: Self.round, month: Self.month)
        #expect(result.results(of: "A002").map(\.entry) == own.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }.map(\.entry))
        #expect(own.first { $0.date == LocalDate("2027-01-13")! }?.state == "won")
    }

    @Test func aWinnersUnpaidBookingLapsesAndItsSlotReturnsToTheOpenPool() async throws {
        let f = try await BookingFixture()
        f.move(to: "2026-12-02T10:00:00+09:00")
        let general = try await f.register(.general)
        let entry = try await enter(f, general, "2027-01-12")
        f.move(to: "2026-12-10T10:00:00+09:00")
        try await f.service.lottery.advance(now: f.clock.now())
        let won = try await f.service.lottery.entry(id: entry.id, for: f.staff)
        let booking = try await f.service.bookings.booking(id: try #require(won.booking), for: f.staff)
        let lapsed = try await f.service.bookings.lapseDue(now: booking.paymentDeadline.adding(seconds: 1))
        #expect(lapsed == [booking.id])
        f.clock.set(booking.paymentDeadline.adding(seconds: 1))
        let other = try await f.register(.general)
        #expect(try await f.book(in: "gym", "2027-01-12", registration: other).state == .provisional)
    }

    @Test func firstComeBookingOfTheRoundsRoomsWaitsForTheFirstComeTime() async throws {
        let f = try await BookingFixture()
        let general = try await f.register(.general)
        let ward = try await f.register(.ward)
        f.move(to: "2026-12-10T10:00:00+09:00")
        try await f.service.lottery.advance(now: f.clock.now())
        let refused = await f.domainError { _ = try await f.book(in: "gym", "2027-01-20", registration: general) }
        #expect(refused?.code == "lottery_pending")
        #expect(refused?.details["first_come_opens"] == "2026-12-15T09:00:00+09:00")
        #expect(try await f.book(in: "gym", "2027-01-21", registration: ward).state == .provisional)
        #expect(try await f.book(in: "meeting-room-1", "2027-01-20", registration: general).state == .provisional)
        f.move(to: "2026-12-15T09:00:00+09:00")
        #expect(try await f.book(in: "gym", "2027-01-20", registration: general).state == .provisional)
    }

    @Test func aRegistrationWinsAtMostEightDivisionUnitsInARound() async throws {
        let f = try await BookingFixture()
        let general = try await f.register(.general)
        f.move(to: "2026-12-02T10:00:00+09:00")
        for day in ["2027-01-12", "2027-01-13", "2027-01-14"] { _ = try await enter(f, general, day, [.am, .pm, .night]) }
        f.move(to: "2026-12-10T10:00:00+09:00")
        try await f.service.lottery.advance(now: f.clock.now())
        let ballot = try await f.service.lottery.ballot(round: Self.round, month: Self.month)
        #expect(ballot.applicants.map(\.winsAllowed) == [8])
        let result = try await f.service.lottery.result(round: Self.round, month: Self.month)
        #expect(result.order.map(\.loss) == [nil, nil, .winLimitReached])
        let booked = try await f.service.bookings.list(BookingFilter(facility: "gym", registration: general), for: f.staff).items
        #expect(booked.count == 2)
        #expect(booked.allSatisfy { $0.source == .lottery && $0.divisions == [.am, .pm, .night] })
    }
}

extension BookingFixture {
    /// The payment deadline the center's rule gives a booking made at `bookedAt`.
    func settingsPaymentDeadline(bookedAt: Instant, useDate: LocalDate) -> Instant {
        service.settings.center.payment.deadline(bookedAt: bookedAt, useDate: useDate)
    }
}
