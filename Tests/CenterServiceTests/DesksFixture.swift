import CalendarValues
import CenterDomain
import Foundation
import Store
import ServiceTestSupport
import TestEvents
@testable import CenterService

/// A service on a fresh database with the repository's Config/, a manual
/// clock at 2026-11-25 (Wednesday) 10:00 in Japan, and helpers to register
/// freelancers and book desk passes.
final class DesksFixture {
    /// The repository's configuration, loaded once for every service test.
    static var settings: CenterSettings { BookingFixture.settings }

    static let today = BookingFixture.today

    let service: CenterService
    let clock: ManualClock
    let directory: String
    let staff = Actor(tokenID: 1, role: .staff, name: "Front desk", registrationID: nil)

    /// The store is opened and closed off the cooperative pool (`TestStore`, `blocking`).
    /// `freshStore`: a database migrated anew rather than the template's copy (`TestStore`).
    init(now: Instant = Instant(japanDate: DesksFixture.today, minuteOfDay: 600), freshStore: Bool = false) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("desks-\(UUID().uuidString)").path
        self.directory = directory
        clock = ManualClock(now: now)
        service = CenterService(settings: Self.settings,
                                store: try await TestStore.open(path: directory + "/center.sqlite", fresh: freshStore),
                                clock: clock)
    }

    deinit {
        let (service, directory) = (service, directory)
        blockingInBackground {
            service.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// Registers a user (a freelancer unless told) and returns its id.
    func register(_ name: String = "Freelancer", category: UserCategory = .freelancer, validFrom: LocalDate? = nil,
                  validUntil: LocalDate? = nil) async throws -> Int64 {
        let input = RegistrationInput(category: category, name: name, validFrom: validFrom, validUntil: validUntil)
        return try await service.registrations.register(input, by: staff).value!.id
    }

    /// The member account of registration `id`.
    func member(_ id: Int64) -> Actor { Actor(tokenID: 1000 + id, role: .member, name: "Member \(id)", registrationID: id) }

    /// Books a pass as the registration's own member.
    func book(_ registration: Int64, _ date: String, _ period: String = "am", desk: FacilityID? = nil,
              key: String? = nil) async throws -> DeskPass {
        let request = DeskPassRequest(date: Self.day(date), period: period, desk: desk)
        let idempotency = try key.map { try IdempotencyKey(key: $0, requestHash: Array($0.utf8)) }
        return try await service.desks.book(request, by: member(registration), idempotency: idempotency).value!
    }

    /// The code a throwing call refuses with, nil when it succeeds.
    func refusal(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return Refused(error)?.code ?? "unexpected: \(error)"
        }
    }
}
