import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Synchronization
import Testing
@testable import CenterService

/// The rooms' cancellation waiting list through the service (docs/DOMAIN.md
/// "Cancellation waiting list (キャンセル待ち)"): at most 2 live entries a
/// month, an offer held 48 hours, waiting closed 6 days before use. Most
/// tests take the `first_in_line` order so the chain is known; one takes
/// Config's `draw` and checks the chain against its seed.
@Suite struct WaitingListServiceTests {
    static let inLine = BookingFixture.settings { $0.waitingList?.order = .firstInLine }
    static let date = "2026-12-10"

    func wait(_ f: BookingFixture, _ registration: Int64, _ date: String = date, _ division: DivisionID = .am,
              facility: FacilityID = "meeting-room-1", as actor: Actor? = nil) async throws -> WaitingEntryRecord {
        let request = WaitingJoinRequest(registration: registration, facility: facility, date: LocalDate(date)!, division: division,
                                         purpose: "勉強会", attendees: 8)
        return try await f.service.waitingList.join(request, by: actor ?? f.staff).value!
    }

    func entry(_ f: BookingFixture, _ id: Int64) async throws -> WaitingEntryRecord {
        try await f.service.waitingList.entry(id: id, for: f.staff)
    }

    /// A slot booked by one registration, and two others waiting for it.
    func takenSlot(_ f: BookingFixture) async throws -> (holder: Booking, first: WaitingEntryRecord, second: WaitingEntryRecord) {
        let holder = try await f.book(Self.date, registration: try await f.register(.general))
        let first = try await wait(f, try await f.register(.general))
        let second = try await wait(f, try await f.register(.general))
        return (holder, first, second)
    }

    @Test func aRegistrationWaitsOnlyForARoomSlotThatAnotherHolds() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let general = try await f.register(.general)
        #expect(await f.refusal { _ = try await wait(f, general) } == "waiting_slot_free")
        let own = try await f.book(Self.date, registration: general)
        #expect(await f.refusal { _ = try await wait(f, general) } == "waiting_own_slot")
        let other = try await f.register(.general)
        let entry = try await wait(f, other)
        #expect(entry.state == "waiting")
        #expect(entry.position == 1)
        #expect(entry.lastWaitingDay == LocalDate("2026-12-04")!)
        #expect(await f.refusal { _ = try await wait(f, other) } == "already_waiting")
        #expect(own.state == .provisional)
        #expect(await f.refusal { _ = try await wait(f, other, "2026-12-11", "morning") } == "division_not_offered")
    }

    @Test func waitingIsCappedAtTwoLiveEntriesAMonth() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let holder = try await f.register(.general)
        for day in ["2026-12-08", "2026-12-09", "2026-12-10"] { _ = try await f.book(day, registration: holder) }
        let waiting = try await f.register(.general)
        _ = try await wait(f, waiting, "2026-12-08")
        _ = try await wait(f, waiting, "2026-12-09")
        #expect(await f.refusal { _ = try await wait(f, waiting, "2026-12-10") } == "waiting_limit_reached")
    }

    @Test func waitingClosesSixDaysBeforeUse() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        _ = try await f.book("2026-12-01", registration: try await f.register(.general))
        _ = try await f.book("2026-11-30", registration: try await f.register(.general))
        #expect(try await wait(f, try await f.register(.general), "2026-12-01").lastWaitingDay == LocalDate("2026-11-25")!)
        #expect(await f.refusal { _ = try await wait(f, try await f.register(.general), "2026-11-30") } == "waiting_list_closed")
    }

    @Test func aCancelledSlotIsOfferedToTheFirstInLineAndHeldFromFirstCome() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        let offered = try await entry(f, first.id)
        #expect(offered.state == "offered")
        #expect(offered.deadline == f.clock.now().adding(seconds: 48 * 3600))
        #expect(try await entry(f, second.id).state == "waiting")
        let outsider = try await f.register(.general)
        #expect(await f.refusal { _ = try await f.book(Self.date, registration: outsider) } == "slot_held_for_waiting")
    }

    @Test func aDeclinedOfferPassesToTheNext() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        #expect(try await f.service.waitingList.decline(entry: first.id, by: f.member(first.registration)).value?.state == "declined")
        #expect(try await entry(f, second.id).state == "offered")
    }

    @Test func whileTheSlotIsOfferedANewcomerJoinsTheEndOfTheChain() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        let newcomer = try await wait(f, try await f.register(.general))
        #expect(newcomer.state == "waiting")
        _ = try await f.service.waitingList.decline(entry: first.id, by: f.staff)
        _ = try await f.service.waitingList.decline(entry: second.id, by: f.staff)
        #expect(try await entry(f, newcomer.id).state == "offered")
    }

    @Test func anExpiredOfferPassesToTheNextAtItsDeadline() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        let deadline = try #require(try await entry(f, first.id).deadline)
        #expect(try await f.service.waitingList.advance(now: deadline).isEmpty)
        let offers = try await f.service.waitingList.advance(now: deadline.adding(seconds: 1))
        #expect(offers.map(\.entry) == [second.id])
        #expect(try await entry(f, first.id).state == "expired")
        f.clock.set(deadline.adding(seconds: 2))
        #expect(await f.refusal { _ = try await f.service.waitingList.accept(entry: first.id, by: f.staff) } == "offer_not_found")
    }

    @Test func acceptingTheOfferBooksTheSlotProvisionally() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        #expect(await f.refusal { _ = try await f.service.waitingList.accept(entry: first.id, by: f.staff) } == "offer_not_found")
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        let booking = try #require(try await f.service.waitingList.accept(entry: first.id, by: f.member(first.registration)).value)
        #expect(booking.source == .waitingList)
        #expect(booking.registration == first.registration)
        #expect(booking.state == .provisional)
        let accepted = try await entry(f, first.id)
        #expect(accepted.state == "accepted")
        #expect(accepted.booking == booking.id)
        #expect(try await entry(f, second.id).state == "waiting")
    }

    @Test func aRefusedAcceptanceIsAnsweredAndTheOfferPassesOn() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        _ = try await f.service.registrations.update(id: first.registration, RegistrationPatch(suspendedUntil: .some(LocalDate("2027-03-01")!)),
                                                 by: f.staff)
        #expect(await f.refusal { _ = try await f.service.waitingList.accept(entry: first.id, by: f.staff) } == "registration_suspended")
        #expect(try await entry(f, first.id).state == "declined")
        #expect(try await entry(f, second.id).state == "offered")
    }

    @Test func aLapsedHoldIsOfferedToTheWaiting() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, _) = try await takenSlot(f)
        try await f.service.bookings.lapseDue(now: holder.paymentDeadline.adding(seconds: 1))
        #expect(try await entry(f, first.id).state == "offered")
    }

    @Test func whenNobodyIsLeftTheSlotReturnsToFirstCome() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, second) = try await takenSlot(f)
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        _ = try await f.service.waitingList.decline(entry: first.id, by: f.staff)
        _ = try await f.service.waitingList.withdraw(entry: second.id, by: f.staff)
        #expect(try await f.book(Self.date, registration: try await f.register(.general)).state == .provisional)
    }

    @Test func pastTheLastWaitingDayTheWaitingCloseAndTheSlotIsFirstCome() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let (holder, first, _) = try await takenSlot(f)
        f.move(to: "2026-12-05T09:00:00+09:00")
        #expect(try await entry(f, first.id).state == "waiting")
        try await f.service.waitingList.advance(now: f.clock.now())
        #expect(try await entry(f, first.id).state == "closed")
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        #expect(try await f.book(Self.date, registration: try await f.register(.general)).state == .provisional)
    }

    @Test func theDrawOrderOffersByTheKeyedHashOfAFreshSeed() async throws {
        let f = try await BookingFixture()
        let holder = try await f.book(Self.date, registration: try await f.register(.general))
        var waiting: [WaitingEntryRecord] = []
        for _ in 0..<4 { waiting.append(try await wait(f, try await f.register(.general))) }
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        let line = try await f.read { db in try WaitingLineStore.load(db, slot: DivisionSlot(facility: "meeting-room-1",
                                                                                              date: LocalDate(Self.date)!, division: .am)) }
        let seed = try #require(line.chainSeed)
        let expected = waiting.map { String($0.id) }.sorted { (seed.orderKey(entryID: $0), $0) < (seed.orderKey(entryID: $1), $1) }
        #expect(line.chain == expected)
        #expect(line.offer?.entry.id == expected.first)
    }

    /// The seed a test picks once its entries are known; the system's until then.
    final class ChosenSeeds: SeedSource {
        let chosen = Mutex<LotterySeed?>(nil)
        func next() -> LotterySeed { chosen.withLock { $0 } ?? SystemSeedSource().next() }
    }

    /// A drawn line whose chain offers the later applicant first and the
    /// earlier one next: the order of application and the order of offer
    /// disagree, as they do in about half of the drawn lines.
    func drawnOutOfApplicationOrder(_ f: BookingFixture, _ seeds: ChosenSeeds)
        async throws -> (first: WaitingEntryRecord, second: WaitingEntryRecord) {
        let (holder, first, second) = try await takenSlot(f)
        let seed = try #require((1...64).lazy.compactMap { LotterySeed(hex: String(repeating: "0", count: 62) + String(format: "%02x", $0)) }
            .first { $0.orderKey(entryID: String(second.id)) < $0.orderKey(entryID: String(first.id)) })
        seeds.chosen.withLock { $0 = seed }
        _ = try await f.service.bookings.cancel(booking: holder.id, reason: nil, byCenter: false, by: f.staff)
        #expect(try await entry(f, second.id).state == "offered")
        #expect(try await entry(f, first.id).state == "waiting")
        return (first, second)
    }

    @Test func aRefusedAcceptancePassesTheOfferToAnEarlierApplicantDrawnNext() async throws {
        let seeds = ChosenSeeds()
        let f = try await BookingFixture(seeds: seeds)
        let (first, second) = try await drawnOutOfApplicationOrder(f, seeds)
        _ = try await f.service.registrations.update(id: second.registration, RegistrationPatch(suspendedUntil: .some(LocalDate("2027-03-01")!)),
                                                 by: f.staff)
        #expect(await f.refusal { _ = try await f.service.waitingList.accept(entry: second.id, by: f.staff) } == "registration_suspended")
        #expect(try await entry(f, second.id).state == "declined")
        #expect(try await entry(f, first.id).state == "offered")
        #expect(try await f.service.waitingList.accept(entry: first.id, by: f.member(first.registration)).value?.registration
            == first.registration)
    }

    @Test func aDeclinePassesTheOfferToAnEarlierApplicantDrawnNext() async throws {
        let seeds = ChosenSeeds()
        let f = try await BookingFixture(seeds: seeds)
        let (first, second) = try await drawnOutOfApplicationOrder(f, seeds)
        #expect(try await f.service.waitingList.decline(entry: second.id, by: f.member(second.registration)).value?.state == "declined")
        #expect(try await entry(f, first.id).state == "offered")
    }

    @Test func anExpiryPassesTheOfferToAnEarlierApplicantDrawnNext() async throws {
        let seeds = ChosenSeeds()
        let f = try await BookingFixture(seeds: seeds)
        let (first, second) = try await drawnOutOfApplicationOrder(f, seeds)
        let deadline = try #require(try await entry(f, second.id).deadline)
        #expect(try await f.service.waitingList.advance(now: deadline.adding(seconds: 1)).map(\.entry) == [first.id])
        #expect(try await entry(f, second.id).state == "expired")
        #expect(try await entry(f, first.id).state == "offered")
    }

    @Test func desksKeepFirstCome() async throws {
        let f = try await BookingFixture(settings: Self.inLine)
        let freelancer = try await f.register(.freelancer)
        #expect(await f.refusal { _ = try await wait(f, freelancer, facility: "flexible-desks") } == "waiting_list_not_offered")
    }
}
