import CalendarValues
import CenterDomain
import Foundation
import Store
import ServiceTestSupport
import Testing
@testable import CenterService

/// A service on a fresh database with the repository's Config/ and
/// schedules/, a manual clock at 2026-11-25 10:00 JST (a Wednesday) and a
/// staff caller: the setting of every booking service test.
final class BookingFixture {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let settings: CenterSettings = {
        do {
            return try SettingsLoader.load(configDirectory: repository + "/Config", schedulesDirectory: repository + "/schedules")
        } catch {
            fatalError("the repository's configuration must load: \(error)")
        }
    }()

    static let today = LocalDate(year: 2026, month: 11, day: 25)!

    let service: CenterService
    let clock: ManualClock
    let directory: String
    let staff = Actor(tokenID: 1, role: .staff, name: "Front desk", registrationID: nil)

    /// `synchronousFull: false` for tests that write a lot and are not
    /// about durability: their fsyncs would slow the suites beside them.
    init(synchronousFull: Bool = true, settings: CenterSettings = BookingFixture.settings) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bookings-\(UUID().uuidString)").path
        clock = ManualClock(now: Instant(japanDate: Self.today, minuteOfDay: 600))
        service = CenterService(settings: settings,
                                store: try CenterStore.open(path: directory + "/center.sqlite", synchronousFull: synchronousFull),
                                clock: clock)
    }

    deinit {
        service.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The repository's settings with the center's configuration changed by `change`.
    static func settings(_ change: (inout CenterConfiguration) -> Void) -> CenterSettings {
        var center = settings.center
        change(&center)
        return CenterSettings(center: center, calendar: settings.calendar, roadmap: settings.roadmap, operations: settings.operations)
    }

    /// Moves the clock to `text` (RFC 3339).
    func move(to text: String) {
        clock.set(Instant(rfc3339: text)!)
    }

    /// A member caller of registration `id`.
    func member(_ id: Int64) -> Actor { Actor(tokenID: 100 + id, role: .member, name: "Member", registrationID: id) }

    /// Registers a user of `category` whose evidence passes eligibility. The
    /// fixture's users share a name and phone, so each is confirmed as new
    /// (`confirmNew`); the duplicate check has its own tests.
    func register(_ category: UserCategory, inWard: Bool = true, validFrom: LocalDate? = nil,
                  validUntil: LocalDate? = nil) async throws -> Int64 {
        let evidence: RegistrationEvidence = switch category {
        case .economicGroup: RegistrationEvidence(hasOfficeInWard: true)
        case .communityGroup: RegistrationEvidence(memberCount: 8, membersInWard: 5)
        case .smallBusiness: RegistrationEvidence(hasOfficeInWard: true, sector: .services, capitalYen: 10_000_000)
        default: RegistrationEvidence()
        }
        let input = RegistrationInput(category: category, name: "\(category.rawValue) user", contact: "03-0000-0000",
                                      inWard: inWard, evidence: evidence, validFrom: validFrom, validUntil: validUntil,
                                      confirmNew: true)
        return try await service.registrations.register(input, by: staff).value!.id
    }

    /// Books with the staff caller and returns the booking.
    @discardableResult
    func book(in facility: FacilityID = "meeting-room-1", _ date: String, _ divisions: [DivisionID] = [.am],
              days: Int = 1, registration: Int64, attendees: Int = 10, guardian: String? = nil,
              admission: Int = 0, commercial: Bool = false, as actor: Actor? = nil) async throws -> Booking {
        let request = BookingRequest(facility: facility, date: LocalDate(date)!, divisions: divisions, days: days,
                                     registration: registration, attendees: attendees, admissionCharged: admission,
                                     commercial: commercial, guardian: guardian)
        return try await service.bookings.book(request, by: actor ?? staff).value!
    }

    /// The code of the refusal `work` throws, nil when it succeeds.
    func refusal(_ work: () async throws -> Void) async -> String? {
        do {
            try await work()
            return nil
        } catch {
            return Refused(error)?.code ?? "\(error)"
        }
    }

    /// The refusal `work` throws (its details too), nil when it succeeds.
    func domainError(_ work: () async throws -> Void) async -> Refused? {
        do {
            try await work()
            return nil
        } catch {
            guard let refused = Refused(error) else {
                Issue.record("expected a refusal, got \(error)")
                return nil
            }
            return refused
        }
    }

    /// Runs a read on the database.
    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await service.pool.read(work)
    }
}

func date(_ text: String) -> LocalDate { LocalDate(text)! }
