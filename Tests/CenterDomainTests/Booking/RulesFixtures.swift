import CalendarValues
import Testing
@testable import CenterDomain

/// A rule's refusal as the tests read it, whatever its code set.
struct Refused: Equatable {
    let code: String
    let message: String
    let details: [String: String]

    init(_ refusal: any AnyRefusal) {
        code = refusal.codeName
        message = refusal.message
        details = refusal.details
    }
}

/// Shared builders for the booking-rule tests.
enum RulesFixtures {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    static func month(_ text: String) -> YearMonth { YearMonth(text)! }

    /// `2026-07-05T12:00:00+09:00` style instants.
    static func at(_ text: String) -> Instant { Instant(rfc3339: text)! }

    /// The refusal a throwing rule raises, or nil when it accepts.
    static func refusal(_ body: () throws -> Void) -> Refused? {
        do {
            try body()
            return nil
        } catch let error as any AnyRefusal {
            return Refused(error)
        } catch {
            Issue.record("expected a refusal, got \(error)")
            return nil
        }
    }

    static func room(_ id: FacilityID, category: Int? = 2, capacity: Int = 24, kind: FacilityKind = .room,
                     fees: [DivisionID: Int] = [.am: 1000, .pm: 1300, .night: 1500], bookable: Bool = true) -> Facility {
        Facility(id: id, kind: kind, category: category, nameJa: id.rawValue, nameEn: id.rawValue, floor: 2,
                 capacity: capacity, divisions: [.am, .pm, .night], fees: fees, bookable: bookable)
    }

    static func unit(_ facility: FacilityID, _ date: String, _ division: DivisionID,
                     registration: String = "reg-1", category: UserCategory = .economicGroup) -> BookedUnit {
        BookedUnit(facility: facility, date: day(date), division: division, registration: registration, category: category)
    }

    static let catalogue: [FacilityID: Facility] = Dictionary(uniqueKeysWithValues: [
        room("multipurpose-hall", category: 1, capacity: 200),
        room("gym", category: 1, capacity: 150),
        room("japanese-room"),
        room("creative-room"),
        room("cooking-room"),
        room("nursery-room", capacity: 10),
        room("meeting-room-1"),
        room("consultation-room-1", category: 3, capacity: 4, bookable: false),
    ].map { ($0.id, $0) })
}
