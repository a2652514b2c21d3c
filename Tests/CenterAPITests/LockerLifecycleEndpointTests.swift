import CalendarValues
import CenterDomain
import CenterService
import Testing
@testable import CenterAPI

/// Termination, the registered-address rule, the waitlist and its offers, and
/// reminders, through HTTP, with the locker timer's work run on the manual clock.
@Suite(.serialized) struct LockerLifecycleEndpointTests {
    /// Leases every locker to a different company; returns the lease ids in locker order.
    func fillAllLockers(_ server: TestServer, staff: String) async throws -> [Int] {
        let client = server.client()
        var ids: [Int] = []
        for n in 1...30 {
            let registration = try await server.registration("Company \(n)")
            let response = try await client.send("POST", "/locker-leases", body: LockerBody.lease(registration, number: LockerBody.number(n), start: "2026-11"),
                                                 token: staff)
            ids.append(try #require(response.object["id"] as? Int))
        }
        return ids
    }

    func state(_ server: TestServer, _ locker: String, staff: String) async throws -> [String: Any] {
        let lockers = try await server.client().send("GET", "/lockers", token: staff).array
        return try #require(lockers.first { $0["id"] as? String == locker })
    }

    func advance(_ server: TestServer, to date: LocalDate) async throws -> LockerAdvance {
        server.setDay(date)
        return try await server.service.lockers.advance(now: server.clock.now())
    }

    @Test func noFreeLockerIsRefusedAndPointsToTheWaitlist() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        _ = try await fillAllLockers(server, staff: staff)
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("Late"),
                                                                                                      number: LockerBody.number(99)), token: staff)
        #expect(response.status == 409)
        #expect(response.errorCode == "no_locker_free")
        #expect((response.object["error"] as? [String: Any]).flatMap { $0["details"] as? [String: Any] }?["waitlist"] as? String == "/locker-waitlist")
        }
    }

    @Test func terminatedLockerCoolsOffAndCannotBeRelet() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A"), start: "2026-11"),
                                          token: staff)
        let id = try #require(lease.object["id"] as? Int)
        let ended = try await client.send("POST", "/locker-leases/\(id)/terminate", token: staff)
        #expect(ended.status == 200)
        #expect(ended.object["state"] as? String == "ended")
        #expect(ended.object["relettable_from"] as? String == "2027-01-24")
        let locker = try await state(server, "locker-01", staff: staff)
        #expect(locker["state"] as? String == "cooling_off")
        #expect(locker["until"] as? String == "2027-01-23")
        let again = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("B"),
                                                                                          number: LockerBody.number(2), locker: "locker-01"),
                                          token: staff)
        #expect(again.status == 409)
        #expect(again.errorCode == "locker_not_free")
        let next = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("C"), number: LockerBody.number(3)),
                                         token: staff)
        #expect(next.object["locker"] as? String == "locker-02")
        }
    }

    @Test func confirmedAddressMoveFreesTheLockerTheNextDay() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A"), start: "2026-11"),
                                          token: staff)
        let id = try #require(lease.object["id"] as? Int)
        _ = try await client.send("POST", "/locker-leases/\(id)/terminate", token: staff)
        let confirmed = try await client.send("POST", "/locker-leases/\(id)/confirm-address-moved", token: staff)
        #expect(confirmed.status == 200)
        #expect(confirmed.object["address_moved_on"] as? String == "2026-11-25")
        #expect(confirmed.object["relettable_from"] as? String == "2026-11-26")
        #expect(try await state(server, "locker-01", staff: staff)["state"] as? String == "cooling_off")
        server.setDay(LocalDate(year: 2026, month: 11, day: 26)!)
        #expect(try await state(server, "locker-01", staff: staff)["state"] as? String == "free")
        }
    }

    @Test func addressMoveIsConfirmedOnlyForAnEndedLease() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A")), token: staff)
        let id = try #require(lease.object["id"] as? Int)
        let response = try await client.send("POST", "/locker-leases/\(id)/confirm-address-moved", token: staff)
        #expect(response.status == 409)
        #expect(response.errorCode == "lease_not_ended")
        }
    }

    @Test func coolingOffEndsAfterSixtyDaysWithoutConfirmation() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A"), start: "2026-11"),
                                          token: staff)
        _ = try await client.send("POST", "/locker-leases/\(try #require(lease.object["id"] as? Int))/terminate", token: staff)
        server.setDay(LocalDate(year: 2027, month: 1, day: 23)!)
        #expect(try await state(server, "locker-01", staff: staff)["state"] as? String == "cooling_off")
        server.setDay(LocalDate(year: 2027, month: 1, day: 24)!)
        #expect(try await state(server, "locker-01", staff: staff)["state"] as? String == "free")
        }
    }

    @Test func leasePastItsEndEndsByTimerAndCoolsOff() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let lease = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A")), token: staff)
        let id = try #require(lease.object["id"] as? Int)
        #expect(try await advance(server, to: LocalDate(year: 2027, month: 5, day: 31)!).endedLeases.isEmpty)
        #expect(try await advance(server, to: LocalDate(year: 2027, month: 6, day: 1)!).endedLeases == [Int64(id)])
        let locker = try await state(server, "locker-01", staff: staff)
        #expect(locker["state"] as? String == "cooling_off")
        #expect(locker["until"] as? String == "2027-07-29")
        }
    }

    @Test func freedLockerIsOfferedToTheFirstInLine() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let leases = try await fillAllLockers(server, staff: staff)
        let first = try await server.registration("First in line")
        let second = try await server.registration("Second in line")
        #expect(try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(first)}"#, token: staff).status == 201)
        let joined = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(second)}"#, token: staff)
        #expect(joined.object["position"] as? Int == 2)
        let duplicate = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(first)}"#, token: staff)
        #expect(duplicate.errorCode == "already_waiting")
        _ = try await client.send("POST", "/locker-leases/\(leases[4])/terminate", token: staff)
        _ = try await client.send("POST", "/locker-leases/\(leases[4])/confirm-address-moved", token: staff)
        let advanced = try await advance(server, to: LocalDate(year: 2026, month: 11, day: 26)!)
        #expect(advanced.newOffers.count == 1)
        let locker = try await state(server, "locker-05", staff: staff)
        #expect(locker["state"] as? String == "offered")
        #expect(locker["until"] as? String == "2026-12-03")
        let waitlist = try await client.send("GET", "/locker-waitlist", token: staff).array
        #expect(waitlist.map { $0["registration"] as? Int } == [Int(first), Int(second)])
        let offer = try #require(waitlist.first?["offer"] as? [String: Any])
        #expect(offer["locker"] as? String == "locker-05")
        let offerID = try #require(offer["id"] as? Int)
        let accepted = try await client.send("POST", "/locker-offers/\(offerID)/accept", body: LockerBody.terms(number: LockerBody.number(77)),
                                             token: staff)
        #expect(accepted.status == 201)
        #expect(accepted.object["locker"] as? String == "locker-05")
        #expect(accepted.object["registration"] as? Int == Int(first))
        #expect(accepted.object["offer"] as? Int == offerID)
        #expect(try await state(server, "locker-05", staff: staff)["state"] as? String == "leased")
        }
    }

    @Test func expiredOfferPassesToTheNextInLine() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let leases = try await fillAllLockers(server, staff: staff)
        let first = try await server.registration("First")
        let second = try await server.registration("Second")
        _ = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(first)}"#, token: staff)
        _ = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(second)}"#, token: staff)
        _ = try await client.send("POST", "/locker-leases/\(leases[0])/terminate", token: staff)
        _ = try await client.send("POST", "/locker-leases/\(leases[0])/confirm-address-moved", token: staff)
        let offered = try await advance(server, to: LocalDate(year: 2026, month: 11, day: 26)!)
        let firstOffer = try #require(offered.newOffers.first)
        #expect(try await advance(server, to: LocalDate(year: 2026, month: 12, day: 3)!).expiredOffers.isEmpty)
        let expired = try await advance(server, to: LocalDate(year: 2026, month: 12, day: 4)!)
        #expect(expired.expiredOffers == [firstOffer])
        #expect(expired.newOffers.count == 1)
        let waitlist = try await client.send("GET", "/locker-waitlist", token: staff).array
        #expect(waitlist.count == 1)
        #expect(waitlist.first?["registration"] as? Int == Int(second))
        #expect((waitlist.first?["offer"] as? [String: Any])?["expires_on"] as? String == "2026-12-11")
        let late = try await client.send("POST", "/locker-offers/\(firstOffer)/accept", body: LockerBody.terms(number: LockerBody.number(70)),
                                         token: staff)
        #expect(late.status == 409)
        #expect(late.errorCode == "offer_not_open")
        }
    }

    @Test func declinedOfferPassesToTheNextInLineAtOnce() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let leases = try await fillAllLockers(server, staff: staff)
        let first = try await server.registration("First")
        let second = try await server.registration("Second")
        _ = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(first)}"#, token: staff)
        _ = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(second)}"#, token: staff)
        _ = try await client.send("POST", "/locker-leases/\(leases[2])/terminate", token: staff)
        _ = try await client.send("POST", "/locker-leases/\(leases[2])/confirm-address-moved", token: staff)
        let offer = try #require(try await advance(server, to: LocalDate(year: 2026, month: 11, day: 26)!).newOffers.first)
        let declined = try await client.send("POST", "/locker-offers/\(offer)/decline", token: staff)
        #expect(declined.status == 200)
        #expect(declined.object["state"] as? String == "declined")
        let waitlist = try await client.send("GET", "/locker-waitlist", token: staff).array
        #expect(waitlist.first?["registration"] as? Int == Int(second))
        #expect((waitlist.first?["offer"] as? [String: Any])?["locker"] as? String == "locker-03")
        }
    }

    @Test func remindersAreWrittenOnceAtSixtyAndThirtyDays() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A")), token: staff)
        let id = Int64(try #require(lease.object["id"] as? Int))
        #expect(try await advance(server, to: LocalDate(year: 2027, month: 3, day: 31)!).reminders.isEmpty)
        let sixty = try await advance(server, to: LocalDate(year: 2027, month: 4, day: 1)!)
        #expect(sixty.reminders == [LockerReminder(lease: id, endDate: LocalDate(year: 2027, month: 5, day: 31)!, daysBefore: 60)])
        #expect(try await advance(server, to: LocalDate(year: 2027, month: 4, day: 2)!).reminders.isEmpty)
        let thirty = try await advance(server, to: LocalDate(year: 2027, month: 5, day: 1)!)
        #expect(thirty.reminders.map(\.daysBefore) == [30])
        let audit = try await client.send("GET", "/audit", token: server.adminToken).array
        #expect(audit.filter { $0["action"] as? String == "locker_lease.reminder" }.count == 2)
        }
    }

    @Test func leasesEndingWithinSixtyDaysAreListed() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A")), token: staff)
        server.setDay(LocalDate(year: 2027, month: 3, day: 31)!)
        #expect(try await client.send("GET", "/locker-leases?ending_within_days=60", token: staff).array.isEmpty)
        server.setDay(LocalDate(year: 2027, month: 4, day: 1)!)
        let due = try await client.send("GET", "/locker-leases?ending_within_days=60", token: staff)
        #expect(due.status == 200)
        #expect(due.array.map { $0["end_date"] as? String } == ["2027-05-31"])
        let bad = try await client.send("GET", "/locker-leases?ending_within_days=soon", token: staff)
        #expect(bad.errorCode == "invalid_parameter")
        let huge = try await client.send("GET", "/locker-leases?ending_within_days=9223372036854775807", token: staff)
        #expect(huge.errorCode == "invalid_parameter")
        }
    }

    @Test func offerPastItsLastDayCannotBeAcceptedEvenBeforeTheTimerRuns() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let joined = try await client.send("POST", "/locker-waitlist", body: #"{"registration":\#(try await server.registration("A"))}"#,
                                           token: staff)
        let offer = try #require((joined.object["offer"] as? [String: Any])?["id"] as? Int)
        #expect((joined.object["offer"] as? [String: Any])?["expires_on"] as? String == "2026-12-02")
        server.setDay(LocalDate(year: 2026, month: 12, day: 3)!)
        let late = try await client.send("POST", "/locker-offers/\(offer)/accept", body: LockerBody.terms(number: LockerBody.number(3)), token: staff)
        #expect(late.status == 409)
        #expect(late.errorCode == "offer_expired")
        }
    }

    @Test func unknownLeaseAndOfferAre404() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        #expect(try await client.send("GET", "/locker-leases/99", token: staff).errorCode == "locker_lease_not_found")
        #expect(try await client.send("POST", "/locker-leases/99/renew", token: staff).errorCode == "locker_lease_not_found")
        #expect(try await client.send("POST", "/locker-offers/99/decline", token: staff).errorCode == "locker_offer_not_found")
        }
    }

    @Test func leaseIsReadBackById() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let made = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("A")), token: staff)
        let id = try #require(made.object["id"] as? Int)
        let read = try await client.send("GET", "/locker-leases/\(id)", token: staff)
        #expect(read.status == 200)
        #expect(read.body == made.body)
        }
    }
}
