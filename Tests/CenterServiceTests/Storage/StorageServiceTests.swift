import CalendarValues
import CenterDomain
import Store
import ServiceTestSupport
import Testing
@testable import CenterService

/// The storage use cases against a real database: ranking runs, the holder's
/// registration, and the item log's required fields.
@Suite struct StorageServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    func apply(_ category: String, units: Int, registration: Int64? = nil) async throws -> StorageApplication {
        let input = StorageApplicationInput(registration: registration, category: registration == nil ? category : nil,
                                            name: registration == nil ? "\(category) holder" : nil, fiscalYear: 2026, units: units)
        return try #require(try await f.service.storage.apply(input, by: f.staff).value)
    }

    @Test func laterRankingRunKeepsEarlierAllocations() async throws {
        let first = try await apply("silver_human_resources_center", units: 8)
        let run = try #require(try await f.service.storage.allocate(fiscalYear: 2026, by: f.staff).value)
        #expect(run.allocated.map(\.bay) == ["storage-a"])
        let second = try await apply("community_group", units: 8)
        let next = try #require(try await f.service.storage.allocate(fiscalYear: 2026, by: f.staff).value)
        #expect(next.allocated.map(\.id) == [second.id])
        #expect(next.allocated.map(\.bay) == ["storage-b"])
        let ranking = try await f.service.storage.applications(fiscalYear: 2026)
        #expect(ranking.map(\.id) == [second.id, first.id])
        #expect(ranking.last?.bay == "storage-a")
    }

    @Test func allocationsOfAnotherFiscalYearDoNotTakeRoom() async throws {
        let input = StorageApplicationInput(category: "tourism_association", name: "観光協会", fiscalYear: 2027, units: 10)
        _ = try await f.service.storage.apply(input, by: f.staff)
        _ = try await f.service.storage.allocate(fiscalYear: 2027, by: f.staff)
        _ = try await apply("tourism_association", units: 10)
        let run = try #require(try await f.service.storage.allocate(fiscalYear: 2026, by: f.staff).value)
        #expect(run.allocated.map(\.bay) == ["storage-a"])
    }

    @Test func suspendedRegistrationCannotApply() async throws {
        let group = try await f.register(.communityGroup)
        _ = try await f.service.registrations.update(id: group, RegistrationPatch(suspendedUntil: .some(LocalDate(year: 2027, month: 1, day: 31)!)),
                                                   by: f.staff)
        let service = f.service, staff = f.staff
        await #expect(throws: ServiceError<Storage.ApplyRefusal>.self) {
            try await service.storage.apply(StorageApplicationInput(registration: group, fiscalYear: 2026, units: 1), by: staff)
        }
    }

    @Test func aNextYearApplicationNeedsARegistrationValidWhenThatYearStarts() async throws {
        let group = try await f.register(.communityGroup, validFrom: date("2025-06-01"), validUntil: date("2027-03-31"))
        let service = f.service, staff = f.staff
        let error = await #expect(throws: (any Error).self) {
            try await service.storage.apply(StorageApplicationInput(registration: group, fiscalYear: 2027, units: 1), by: staff)
        }
        #expect(error.flatMap(Refused.init) == Refused("registration_expired",
                                                       "The registration is valid from 2025-06-01 to 2027-03-31, not on 2027-04-01; renew it first.",
                                                       details: ["registration": String(group), "date": "2027-04-01",
                                                                 "valid_from": "2025-06-01", "valid_until": "2027-03-31"]))
        let thisYear = try await service.storage.apply(StorageApplicationInput(registration: group, fiscalYear: 2026, units: 1), by: staff)
        #expect(thisYear.value?.fiscalYear == 2026)
    }

    @Test func checkoutNamesTheEventThePersonAndThePlace() async throws {
        _ = try await apply("tourism_association", units: 2)
        let run = try #require(try await f.service.storage.allocate(fiscalYear: 2026, by: f.staff).value)
        let allocation = try #require(run.allocated.first?.allocation)
        let item = try #require(try await f.service.storage.registerItem(allocation: allocation, name: "のぼり旗", quantity: 20,
                                                                         by: f.staff).value)
        let service = f.service, staff = f.staff
        let error = await #expect(throws: (any Error).self) {
            try await service.storage.checkOutItem(id: item.id, event: "区民まつり", person: "Tanaka", toWhere: " ", by: staff)
        }
        #expect(error.flatMap(Refused.init) == Refused("invalid_field", "`to_where` must not be empty or blank.",
                                                       details: ["field": "to_where", "problem": "blank"]))
        #expect(try await f.service.storage.item(id: item.id).log.isEmpty)
    }
}
