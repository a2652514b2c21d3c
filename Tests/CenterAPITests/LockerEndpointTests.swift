import CalendarValues
import CenterDomain
import CenterService
import Testing
@testable import CenterAPI

/// Locker fixtures: registrations made through the service, lease bodies,
/// and moving the manual clock to a day in Japan.
extension TestServer {
    static let staffActor = Actor(tokenID: 0, role: .staff, name: "Test staff", registrationID: nil)

    func registration(_ name: String, category: UserCategory = .general,
                      evidence: RegistrationEvidence = RegistrationEvidence()) async throws -> Int64 {
        let input = RegistrationInput(category: category, name: name, evidence: evidence)
        return try #require(try await service.registrations.register(input, by: Self.staffActor).value).id
    }

    /// 10:00 in Japan on `date`.
    func setDay(_ date: LocalDate) { clock.set(Instant(japanDate: date, minuteOfDay: 600)) }

    var today: LocalDate { clock.now().japanDate }
}

enum LockerBody {
    static let identity = #""identity_check":{"document":"運転免許証","checked_by":"Sato","checked_on":"2026-11-25"}"#

    static func lease(_ registration: Int64, number: String? = "7000012050002", months: Int = 6, start: String = "2026-12",
                      locker: String? = nil) -> String {
        var fields = [#""registration":\#(registration)"#, #""start_month":"\#(start)""#, #""months":\#(months)"#, identity]
        if let number { fields.append(#""corporate_number":"\#(number)""#) } else { fields.append(#""founder":true"#) }
        if let locker { fields.append(#""locker":"\#(locker)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func terms(number: String? = nil, months: Int = 6) -> String {
        "{" + [#""start_month":"2026-12""#, #""months":\#(months)"#, identity,
               number.map { #""corporate_number":"\#($0)""# } ?? #""founder":true"#].joined(separator: ",") + "}"
    }

    /// Valid corporate numbers, one per company (check digits by the 国税庁 formula).
    static func number(_ n: Int) -> String {
        let base = String(repeating: "0", count: 12 - String(n).count) + String(n)
        return String(CorporateNumber.checkDigit(base: base.map { Int(String($0))! })) + base
    }
}

@Suite(.serialized) struct LockerEndpointTests {
    @Test func lockersListsEveryConfiguredLockerFree() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/lockers", token: try await server.token(.staff))
        #expect(response.status == 200)
        #expect(response.array.count == 30)
        #expect(response.array.first?["id"] as? String == "locker-01")
        #expect(response.array.allSatisfy { $0["state"] as? String == "free" })
        }
    }

    @Test func lockersAreForStaffOnly() async throws {
        try await withTestServer { server in
        let member = try await server.token(.member, registrationID: try await server.registration("Member"))
        #expect(try await server.client().send("GET", "/lockers", token: member).status == 403)
        }
    }

    @Test func leaseTakesTheNextFreeLockerAndStatesWhatIsOwed() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let registration = try await server.registration("Kabushiki Kaisha A")
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(registration), token: staff)
        #expect(response.status == 201)
        #expect(response.object["locker"] as? String == "locker-01")
        #expect(response.object["monthly_fee"] as? Int == 3000)
        #expect(response.object["amount_owed"] as? Int == 18000)
        #expect(response.object["start_date"] as? String == "2026-12-01")
        #expect(response.object["end_date"] as? String == "2027-05-31")
        #expect((response.object["identity_check"] as? [String: Any])?["document"] as? String == "運転免許証")
        let lockers = try await server.client().send("GET", "/lockers", token: staff).array
        #expect(lockers.first?["state"] as? String == "leased")
        #expect(lockers.first?["until"] as? String == "2027-05-31")
        }
    }

    @Test(arguments: [("700001205000", "length"), ("70000120500O2", "non_digit"), ("1000012050002", "check_digit")])
    func invalidCorporateNumberIsRefusedWithItsReason(_ number: String, _ reason: String) async throws {
        try await withTestServer { server in
        let registration = try await server.registration("Company")
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(registration, number: number),
                                                      token: try await server.token(.staff))
        #expect(response.status == 422)
        #expect(response.errorCode == "invalid_corporate_number")
        #expect((response.object["error"] as? [String: Any]).flatMap { $0["details"] as? [String: Any] }?["reason"] as? String == reason)
        }
    }

    @Test func founderLeaseCarriesTheDeadlineForTheNumber() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let registration = try await server.registration("Founder")
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(registration, number: nil), token: staff)
        #expect(lease.status == 201)
        #expect(lease.object["founder"] as? Bool == true)
        #expect(lease.object["corporate_number_due"] as? String == "2027-02-28")
        let id = try #require(lease.object["id"] as? Int)
        let bad = try await client.send("POST", "/locker-leases/\(id)/corporate-number", body: #"{"corporate_number":"1000012050002"}"#, token: staff)
        #expect(bad.errorCode == "invalid_corporate_number")
        let supplied = try await client.send("POST", "/locker-leases/\(id)/corporate-number", body: #"{"corporate_number":"7000012050002"}"#, token: staff)
        #expect(supplied.status == 200)
        #expect(supplied.object["corporate_number"] as? String == "7000012050002")
        }
    }

    @Test func companyHoldsOneActiveLease() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let first = try await server.registration("Company A")
        let sameCompanyAgain = try await server.registration("Company A (second registration)")
        #expect(try await client.send("POST", "/locker-leases", body: LockerBody.lease(first), token: staff).status == 201)
        let byNumber = try await client.send("POST", "/locker-leases", body: LockerBody.lease(sameCompanyAgain), token: staff)
        #expect(byNumber.status == 409)
        #expect(byNumber.errorCode == "company_has_lease")
        let byRegistration = try await client.send("POST", "/locker-leases", body: LockerBody.lease(first, number: LockerBody.number(5)), token: staff)
        #expect(byRegistration.errorCode == "company_has_lease")
        }
    }

    @Test func termShorterThanTheMinimumIsRefused() async throws {
        try await withTestServer { server in
        let registration = try await server.registration("Company")
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(registration, months: 5),
                                                      token: try await server.token(.staff))
        #expect(response.status == 422)
        #expect(response.errorCode == "lease_term_too_short")
        }
    }

    @Test func termLongerThanTheTotalLimitIsRefused() async throws {
        try await withTestServer { server in
        let registration = try await server.registration("Company")
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(registration, months: 61),
                                                      token: try await server.token(.staff))
        #expect(response.errorCode == "lease_term_too_long")
        }
    }

    @Test func leaseMayNotStartInAPastMonth() async throws {
        try await withTestServer { server in
        let registration = try await server.registration("Company")
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(registration, start: "2026-10"),
                                                      token: try await server.token(.staff))
        #expect(response.errorCode == "start_month_past")
        }
    }

    // The far month is the last the service accepts at all (later ones are
    // refused as outside the supported dates, before this rule is asked).
    @Test(arguments: ["2027-12", "2200-12"])
    func leaseMayStartAtMostAYearAhead(_ month: String) async throws {
        try await withTestServer { server in
        let registration = try await server.registration("Company")
        let response = try await server.client().send("POST", "/locker-leases", body: LockerBody.lease(registration, start: month),
                                                      token: try await server.token(.staff))
        #expect(response.status == 422)
        #expect(response.errorCode == "start_month_too_far")
        }
    }

    @Test func leaseRecordsTheIdentityCheckAndNeedsIt() async throws {
        try await withTestServer { server in
        let registration = try await server.registration("Company")
        let body = #"{"registration":\#(registration),"start_month":"2026-12","months":6,"corporate_number":"7000012050002"}"#
        let response = try await server.client().send("POST", "/locker-leases", body: body, token: try await server.token(.staff))
        #expect(response.status == 422)
        #expect(response.errorCode == "invalid_body")
        }
    }

    @Test func renewalAddsTwelveMonthsAndTheirFee() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("Company")), token: staff)
        let id = try #require(lease.object["id"] as? Int)
        let renewed = try await client.send("POST", "/locker-leases/\(id)/renew", token: staff)
        #expect(renewed.status == 200)
        #expect(renewed.object["months"] as? Int == 18)
        #expect(renewed.object["end_date"] as? String == "2028-05-31")
        #expect(renewed.object["amount_owed"] as? Int == 54000)
        }
    }

    @Test func renewalBeyondFiveYearsIsRefused() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("Company"), months: 60),
                                          token: staff)
        let id = try #require(lease.object["id"] as? Int)
        let renewed = try await client.send("POST", "/locker-leases/\(id)/renew", token: staff)
        #expect(renewed.status == 409)
        #expect(renewed.errorCode == "lease_limit_reached")
        }
    }

    @Test func idempotencyKeyReplaysTheFirstLease() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let registration = try await server.registration("Company")
        let body = LockerBody.lease(registration)
        let first = try await client.send("POST", "/locker-leases", body: body, token: staff, headers: ["Idempotency-Key": "lease-1"])
        let again = try await client.send("POST", "/locker-leases", body: body, token: staff, headers: ["Idempotency-Key": "lease-1"])
        #expect(first.status == 201)
        #expect(again.status == 201)
        #expect(again.body == first.body)
        let leases = try await client.send("GET", "/locker-leases", token: staff)
        #expect(leases.array.count == 1)
        let other = try await client.send("POST", "/locker-leases", body: LockerBody.lease(registration, months: 7), token: staff,
                                          headers: ["Idempotency-Key": "lease-1"])
        #expect(other.errorCode == "idempotency_key_reused")
        }
    }

    @Test func leaseIsAudited() async throws {
        try await withTestServer { server in
        let client = server.client()
        _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(try await server.registration("Company")),
                                  token: try await server.token(.staff))
        let audit = try await client.send("GET", "/audit", token: server.adminToken)
        #expect(audit.array.contains { $0["action"] as? String == "locker_lease.create" })
        }
    }
}

@Suite(.serialized) struct LockerMemberEndpointTests {
    @Test func memberSeesOnlyItsOwnLeases() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let mine = try await server.registration("Mine")
        let other = try await server.registration("Other")
        _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(mine), token: staff)
        _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(other, number: LockerBody.number(8)), token: staff)
        let member = try await server.token(.member, registrationID: mine)
        let leases = try await client.send("GET", "/me/locker-leases", token: member)
        #expect(leases.status == 200)
        #expect(leases.array.map { $0["registration"] as? Int } == [Int(mine)])
        #expect(try await client.send("GET", "/locker-leases", token: member).status == 403)
        }
    }
}
