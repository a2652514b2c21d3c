import CenterDomain
import CenterService
import Testing
@testable import CenterAPI

/// Many front desks letting lockers at once: every locker is let once, no
/// company twice, and the rest are told no locker is free.
@Suite(.serialized) struct LockerConcurrencyTests {
    @Test func fortyParallelLeasesLetEachOfThirtyLockersOnce() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            var registrations: [Int64] = []
            for n in 1...40 { registrations.append(try await server.registration("Company \(n)")) }
            let port = server.port
            let outcomes = try await withThrowingTaskGroup(of: (Int, String?, String?).self) { group in
                for (index, registration) in registrations.enumerated() {
                    group.addTask {
                        let response = try await TestClient(port: port).send(
                            "POST", "/locker-leases", body: LockerBody.lease(registration, number: LockerBody.number(index + 1)), token: staff)
                        return (response.status, response.errorCode, response.object["locker"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let lockers = outcomes.compactMap(\.2)
            #expect(outcomes.filter { $0.0 == 201 }.count == 30)
            #expect(Set(lockers).count == 30)
            #expect(outcomes.filter { $0.0 != 201 }.allSatisfy { $0.0 == 409 && $0.1 == "no_locker_free" })
        }
    }

    @Test func parallelLeasesForOneCompanyLetOneLocker() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            var registrations: [Int64] = []
            for n in 1...10 { registrations.append(try await server.registration("Same company, desk \(n)")) }
            let port = server.port
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for registration in registrations {
                    group.addTask {
                        let response = try await TestClient(port: port).send("POST", "/locker-leases", body: LockerBody.lease(registration), token: staff)
                        return (response.status, response.errorCode)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 201 }.count == 1)
            #expect(statuses.filter { $0.0 != 201 }.allSatisfy { $0.1 == "company_has_lease" })
        }
    }
}
