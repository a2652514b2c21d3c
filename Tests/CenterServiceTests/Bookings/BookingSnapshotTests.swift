import CalendarValues
import CenterDomain
import JSON
import ServiceTestSupport
import Store
import Testing
@testable import CenterService

/// A booking is judged twice: on a read snapshot taken on arrival, which
/// refuses what it can and is not recorded, then in the single writer,
/// which sees every write committed since and records what it decides
/// (docs/API.md "The checks of a booking", "Idempotency").
struct BookingSnapshotTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture(synchronousFull: false) }

    func request(_ registration: Int64, _ day: String = "2026-12-10", in facility: FacilityID = "meeting-room-1",
                 _ divisions: [DivisionID] = [.am]) -> BookingRequest {
        BookingRequest(facility: facility, date: date(day), divisions: divisions, registration: registration)
    }

    /// The verdict of the arrival snapshot: its refusal (code, message and
    /// details), or nil and the draft it accepted.
    func snapshotVerdict(_ request: BookingRequest, by actor: Actor) async throws -> (Refused?, BookingDesk.Draft?) {
        do {
            guard case .accepted(let draft) = try await f.service.bookings.arrive(request, by: actor, idempotency: nil,
                                                                                  at: f.clock.now()) else {
                Issue.record("a replay, though no key was sent")
                return (nil, nil)
            }
            return (nil, draft)
        } catch {
            guard let refused = Refused(error) else { throw error }
            return (refused, nil)
        }
    }

    /// The verdict of the same rules judged inside the single writer's
    /// transaction, on the writer's connection, with nothing written: the
    /// refusal, or nil.
    func writerVerdict(_ request: BookingRequest, by actor: Actor) async throws -> Refused? {
        let desk = BookingDesk(center: f.service.settings.center, catalogue: f.service.context.catalogue,
                               calendar: f.service.context.calendar, now: f.clock.now())
        return try await f.service.pool.write { db in
            do {
                try Bookings.checkRequest(request, by: actor)
                _ = try desk.judge(db, try BookingPlan(request, center: desk.center, now: desk.now))
                return nil
            } catch {
                guard let refused = Refused(error) else { throw error }
                return refused
            }
        }
    }

    /// How many writes the single writer has run, refused or committed.
    var writerItems: Int {
        let statistics = f.service.pool.statistics
        return statistics.itemsCommitted + statistics.itemsRefused + statistics.itemsFailed
    }

    @Test func theSnapshotAndTheWriterGiveTheSameVerdictForTheSameState() async throws {
        var registrations: [Int64] = []
        for category: UserCategory in [.general, .general, .economicGroup, .economicGroup, .economicGroup, .smallBusiness,
                                       .smallBusiness, .communityGroup, .communityGroup, .ward] {
            registrations.append(try await f.register(category, inWard: registrations.count % 3 != 0))
        }
        let suspended = try await f.register(.general)
        _ = try await f.service.registrations.update(id: suspended, RegistrationPatch(suspendedUntil: .some(date("2027-01-31"))),
                                                     by: f.staff)
        let expired = try await f.register(.economicGroup, validFrom: date("2024-04-01"), validUntil: date("2026-03-31"))
        registrations += [suspended, expired, 999_999]
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-15"), to: date("2026-12-16"),
                                                                     facilities: ["gym"], reasonEn: "Floor works"), by: f.staff)
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2027-01-20"), reasonEn: "Inspection"), by: f.staff)

        // Evening, so today's morning and afternoon have ended (division_past).
        f.clock.set(Instant(japanDate: BookingFixture.today, minuteOfDay: 18 * 60 + 30))
        let ward = registrations[9]
        var random = SplitMix64(seed: 0x5EED_B00C)
        let rooms: [FacilityID] = ["gym", "gym", "gym", "gym", "small-gym", "multipurpose-hall", "meeting-room-1",
                                   "japanese-room", "creative-room", "cooking-room", "cooking-room", "nursery-room",
                                   "exchange-space", "ballroom"]
        var verdicts: [String: Int] = [:]
        for n in 0..<400 {
            let registration = random.pick(registrations)
            let day: LocalDate = switch random.below(10) {
            case 0: date("2026-11-24").adding(days: random.below(7))
            case 1, 2, 3: date("2026-12-01").adding(days: random.below(31))
            case 4, 5, 6, 7: date("2027-01-01").adding(days: random.below(31))
            default: date("2027-02-01").adding(days: random.below(150))
            }
            var divisions = Array([DivisionID.am, .pm, .night].shuffled(using: &random).prefix(1 + random.below(3)))
            switch random.below(40) {
            case 0: divisions.append(divisions[0])
            case 1: divisions = ["evening"]
            case 2: divisions = []
            default: break
            }
            var request = BookingRequest(facility: random.pick(rooms), date: day, divisions: divisions,
                                         days: random.below(6) == 0 ? 2 + random.below(3) : 1, registration: registration,
                                         attendees: random.below(10) == 0 ? 100 : 10,
                                         guardian: random.below(2) == 0 ? "保育者 山田" : nil,
                                         exemptions: random.below(30) == 0 ? [random.pick(["ward_cohosted", "bogus"])] : [])
            if random.below(10) < 3 {
                // The ward's own use (no monthly or consecutive-day limit) fills
                // the gym's January up to the community quota.
                request = BookingRequest(facility: "gym", date: date("2027-01-04").adding(days: random.below(28)),
                                         divisions: [.am, .pm, .night], days: 1 + random.below(3), registration: ward)
            }
            let actor = random.below(4) == 0 ? f.member(random.below(20) == 0 ? 1 : registration) : f.staff
            let (snapshot, draft) = try await snapshotVerdict(request, by: actor)
            let writer = try await writerVerdict(request, by: actor)
            #expect(snapshot == writer, "request \(n): \(request)")
            verdicts[snapshot?.code ?? "accepted", default: 0] += 1
            if let draft {
                let taken = try await f.service.bookings.take(draft, by: actor, idempotency: nil, at: f.clock.now())
                let booking = try #require(taken.value)
                // The writer decided as the snapshot did, so it kept the snapshot's encoding.
                #expect(taken.json == draft.encoding.booking?.json(id: booking.id), "request \(n)")
            }
        }
        for code in ["accepted", "slot_taken", "facility_closed", "window_not_open", "registration_suspended",
                     "registration_expired", "registration_not_found", "monthly_limit_reached", "coupling_required",
                     "capacity_exceeded", "facility_not_found", "facility_not_bookable", "divisions_repeated",
                     "division_not_offered", "division_past", "community_quota_reserved"] {
            #expect(verdicts[code, default: 0] > 0, "no request was \(code): \(verdicts)")
        }
    }

    /// The rules of the Tokyo practice the snapshot decides too: a lottery
    /// round's hold (`lottery_pending`), a freed slot held for its waiting
    /// list (`slot_held_for_waiting`), the hourly rooms' hours, a staff
    /// approval of the nursery room alone, a lifted closure.
    @Test func theSnapshotAndTheWriterAgreeOnTheLotteryTheWaitingListHoursAndApprovals() async throws {
        f.move(to: "2026-12-10T10:00:00+09:00")
        try await f.service.lottery.advance(now: f.clock.now())
        var registrations: [Int64] = []
        for category: UserCategory in [.general, .general, .general, .economicGroup, .smallBusiness, .communityGroup, .ward] {
            registrations.append(try await f.register(category))
        }
        // A freed slot offered to its line, and a taken slot with a line.
        let holder = try await f.register(.general)
        let freed = try await f.book("2026-12-20", registration: holder)
        _ = try await f.book("2026-12-18", registration: holder)
        for registration in registrations.prefix(2) {
            for day in ["2026-12-20", "2026-12-18"] {
                _ = try await f.service.waitingList.join(WaitingJoinRequest(registration: registration, facility: "meeting-room-1",
                                                                            date: date(day), division: .am), by: f.staff)
            }
        }
        _ = try await f.service.bookings.cancel(booking: freed.id, reason: nil, byCenter: false, by: f.staff)
        // Hours taken in a consultation room; a closure lifted, one not.
        _ = try await f.service.bookings.book(BookingRequest(facility: "consultation-room-1", date: date("2026-12-15"), divisions: [],
                                                             registration: holder, attendees: 2,
                                                             hours: BookingHours(from: LocalTime("10:00")!, to: LocalTime("12:00")!)),
                                              by: f.staff)
        let lifted = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-22"), facilities: ["meeting-room-2"],
                                                                              reasonEn: "Lifted"), by: f.staff)
        _ = try await f.service.calendar.liftClosure(id: try #require(lifted.value).id, by: f.staff)
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-23"), facilities: ["meeting-room-2"],
                                                                     reasonJa: "点検"), by: f.staff)

        var random = SplitMix64(seed: 0x70C1_0B0C)
        let rooms: [FacilityID] = ["gym", "small-gym", "multipurpose-hall", "meeting-room-1", "meeting-room-2", "nursery-room",
                                   "consultation-room-1", "consultation-room-2"]
        let approvals: [CouplingApprovalInput?] = [
            CouplingApprovalInput(approvedBy: "館長 山田", reason: "創業セミナーの託児"),
            CouplingApprovalInput(approvedBy: " ", reason: "理由"),
            CouplingApprovalInput(approvedBy: "館長 山田", reason: "託児", approvedAt: f.clock.now().adding(seconds: 3600)),
        ]
        var verdicts: [String: Int] = [:]
        for n in 0..<300 {
            let registration = random.pick(registrations)
            let facility = random.pick(rooms)
            let day: LocalDate = switch random.below(6) {
            case 0: date("2026-12-10")
            case 1: date("2026-12-20").adding(days: random.below(4))
            case 2, 3: date("2026-12-11").adding(days: random.below(20))
            default: date("2027-01-04").adding(days: random.below(27))
            }
            var divisions = Array([DivisionID.am, .pm, .night].shuffled(using: &random).prefix(1 + random.below(2)))
            var hours: BookingHours?
            if facility.rawValue.hasPrefix("consultation") || random.below(20) == 0 {
                let from = 8 + random.below(13)
                let minute = random.below(8) == 0 ? 30 : 0
                hours = BookingHours(from: LocalTime(hour: from, minute: minute)!,
                                     to: LocalTime(hour: min(from + random.below(4), 23), minute: 0)!)
                divisions = random.below(10) == 0 ? [.am] : []
            }
            var approval: CouplingApprovalInput?
            if facility == "nursery-room" || random.below(15) == 0 { approval = random.pick(approvals) }
            let special: BookingRequest? = switch random.below(10) {
            case 0, 1:
                // The slot offered to its waiting list, asked for by anyone.
                BookingRequest(facility: "meeting-room-1", date: date("2026-12-20"), divisions: [.am], registration: registration)
            case 2:
                // Today's hours, some already over.
                BookingRequest(facility: "consultation-room-2", date: date("2026-12-10"), divisions: [], registration: registration,
                               attendees: 2, hours: BookingHours(from: LocalTime(hour: 9 + random.below(3), minute: 0)!,
                                                                 to: LocalTime(hour: 12, minute: 0)!))
            case 3:
                // An approval for a room no coupling holds back.
                BookingRequest(facility: "meeting-room-2", date: date("2026-12-11").adding(days: random.below(9)), divisions: [.pm],
                               registration: registration, couplingApproval: approvals[0])
            default: nil
            }
            if let special {
                verdicts[try await compare(special, by: f.staff, n), default: 0] += 1
                continue
            }
            let request = BookingRequest(facility: facility, date: day, divisions: divisions, registration: registration,
                                         attendees: 5, guardian: random.below(3) == 0 ? "保育者 山田" : nil, hours: hours,
                                         couplingApproval: approval)
            verdicts[try await compare(request, by: random.below(8) == 0 ? f.member(registration) : f.staff, n), default: 0] += 1
        }
        for code in ["accepted", "lottery_pending", "slot_held_for_waiting", "slot_taken", "facility_closed", "facility_not_hourly",
                     "hour_not_on_the_hour", "hour_range_invalid", "outside_opening_hours", "hour_past", "approval_invalid",
                     "coupling_approval_not_allowed", "division_not_offered", "forbidden"] {
            #expect(verdicts[code, default: 0] > 0, "no request was \(code): \(verdicts)")
        }
    }

    /// Judges `request` on the arrival snapshot and in the writer, expects
    /// the same verdict, takes what the snapshot accepted and expects its
    /// JSON to be the codec's of the booking read back; the verdict's code.
    func compare(_ request: BookingRequest, by actor: Actor, _ n: Int) async throws -> String {
        let (snapshot, draft) = try await snapshotVerdict(request, by: actor)
        let writer = try await writerVerdict(request, by: actor)
        #expect(snapshot == writer, "request \(n): \(request)")
        if let draft {
            let taken = try await f.service.bookings.take(draft, by: actor, idempotency: nil, at: f.clock.now())
            let booking = try #require(taken.value)
            #expect(taken.json == draft.encoding.booking?.json(id: booking.id), "request \(n)")
            #expect(taken.json == (try JSONCodec.encode(try await f.service.bookings.booking(id: booking.id, for: f.staff))),
                    "request \(n)")
        }
        return snapshot?.code ?? "accepted"
    }

    @Test func aRefusalOnTheArrivalSnapshotIsNotRecordedSoARetryIsDecidedAfresh() async throws {
        let holder = try await f.register(.general)
        let taken = try await f.book("2026-12-10", registration: holder)
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "retry-2", requestHash: [4])
        let before = writerItems
        let first = await f.refusal { _ = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key) }
        #expect(first == "slot_taken")
        #expect(writerItems == before, "the refusal was decided without the writer")
        _ = try await f.service.bookings.cancel(booking: taken.id, reason: nil, byCenter: false, by: f.staff)
        let retry = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key)
        #expect(!retry.replayed)
        #expect(retry.value?.state == .provisional)
    }

    @Test func aRefusalDecidedInTheWriterIsRecordedAndARetryGetsItAgain() async throws {
        let registration = try await f.register(.general)
        let other = try await f.register(.general)
        let key = try IdempotencyKey(key: "race-1", requestHash: [5])
        guard case .accepted(let draft) = try await f.service.bookings.arrive(request(registration), by: f.staff,
                                                                              idempotency: key, at: f.clock.now()) else {
            Issue.record("the snapshot should accept")
            return
        }
        // Another writer takes the slot between the snapshot and the writer.
        let winner = try await f.book("2026-12-10", registration: other)
        let lost = await f.refusal { _ = try await f.service.bookings.take(draft, by: f.staff, idempotency: key, at: f.clock.now()) }
        #expect(lost == "slot_taken")
        _ = try await f.service.bookings.cancel(booking: winner.id, reason: nil, byCenter: false, by: f.staff)
        let retry = await f.refusal { _ = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key) }
        #expect(retry == "slot_taken")
        let count: Int = try await f.read { db in try db.queryOne("SELECT count(*) FROM bookings WHERE registration_id = ?",
                                                                  [.integer(registration)])!.get(0) }
        #expect(count == 0)
    }

    @Test func theWriterSeesAClosureCommittedAfterTheSnapshot() async throws {
        let registration = try await f.register(.general)
        guard case .accepted(let draft) = try await f.service.bookings.arrive(request(registration), by: f.staff,
                                                                              idempotency: nil, at: f.clock.now()) else {
            Issue.record("the snapshot should accept")
            return
        }
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-10"), reasonEn: "Power cut"), by: f.staff)
        let code = await f.refusal { _ = try await f.service.bookings.take(draft, by: f.staff, idempotency: nil, at: f.clock.now()) }
        #expect(code == "facility_closed")
    }

    @Test func theWriterSeesASuspensionCommittedAfterTheSnapshot() async throws {
        let registration = try await f.register(.general)
        guard case .accepted(let draft) = try await f.service.bookings.arrive(request(registration), by: f.staff,
                                                                              idempotency: nil, at: f.clock.now()) else {
            Issue.record("the snapshot should accept")
            return
        }
        _ = try await f.service.registrations.update(id: registration, RegistrationPatch(suspendedUntil: .some(date("2027-01-31"))),
                                                     by: f.staff)
        let code = await f.refusal { _ = try await f.service.bookings.take(draft, by: f.staff, idempotency: nil, at: f.clock.now()) }
        #expect(code == "registration_suspended")
    }

    @Test func theWriterReencodesWhenTheRegistrationChangedSinceTheSnapshot() async throws {
        let registration = try await f.register(.general, inWard: true)
        guard case .accepted(let draft) = try await f.service.bookings.arrive(request(registration), by: f.staff,
                                                                              idempotency: nil, at: f.clock.now()) else {
            Issue.record("the snapshot should accept")
            return
        }
        _ = try await f.service.registrations.update(id: registration, RegistrationPatch(inWard: false), by: f.staff)
        let taken = try await f.service.bookings.take(draft, by: f.staff, idempotency: nil, at: f.clock.now())
        let booking = try #require(taken.value)
        #expect(booking.outOfWard)
        #expect(booking.feeTotal > draft.decision.fee.total)
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff) == booking)
    }

    @Test func aRetryOfAnAcceptedBookingIsAnsweredFromTheSnapshot() async throws {
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "again-1", requestHash: [6])
        let first = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key)
        let before = writerItems
        let again = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key)
        #expect(again.replayed)
        #expect(again.json == first.json)
        #expect(writerItems == before)
    }
}

/// A small seeded generator (SplitMix64), so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
