import CalendarValues
import CenterDomain
import Store
import Testing
@testable import CenterService

/// The center's values in SQLite columns: dates as text, instants as
/// seconds, closed sets as their raw text; a stored value that is none of
/// them fails as a type mismatch naming the column.
struct StoredValuesTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture(synchronousFull: false) }

    @Test func valuesBindAsTheirColumnFormAndReadBack() async throws {
        let date = LocalDate(year: 2026, month: 12, day: 1)!
        let instant = Instant(secondsSinceEpoch: 1_790_000_000)
        #expect(date.sqlValue == .text("2026-12-01"))
        #expect(instant.sqlValue == .integer(1_790_000_000))
        #expect(BookingState.cancelledByCenter.sqlValue == .text("cancelled_by_center"))
        #expect((nil as LocalDate?).sqlValue == .null)
        let read: (LocalDate, Instant, BookingState, LockerLeaseState?) = try await f.read { db in
            let row = try db.queryOne("SELECT ? AS d, ? AS i, ? AS s, NULL AS l",
                                      [date.sqlValue, instant.sqlValue, BookingState.noShow.sqlValue])!
            return (try row.get("d"), try row.get("i"), try row.get("s"), try row.get("l"))
        }
        #expect(read.0 == date && read.1 == instant && read.2 == .noShow && read.3 == nil)
    }

    @Test func aStoredValueOutsideItsSetIsATypeMismatchNamingTheColumn() async throws {
        let error = await #expect(throws: StoreError.self) {
            _ = try await f.read { db in try db.queryOne("SELECT 'reserved' AS state")!.get("state") as BookingState }
        }
        #expect(error?.code == .typeMismatch)
        #expect(error?.message.contains("'state'") == true)
    }
}
