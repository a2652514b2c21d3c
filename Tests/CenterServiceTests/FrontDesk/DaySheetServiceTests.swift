import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// The day sheet lists the day's bookings by room and division with their
/// holder, what is due and the check-in.
struct DaySheetServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func theSheetListsEachBookingWithItsHolderAndWhatIsDue() async throws {
        let registration = try await f.register(.general)
        let unpaid = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        let paid = try await f.book(in: "meeting-room-2", "2026-12-10", [.night], registration: registration)
        _ = try await f.service.bookings.pay(booking: paid.id, by: f.staff)
        let sheet = try await f.service.frontDesk.daySheet(date: LocalDate("2026-12-10")!)
        let room = try #require(sheet.rooms.first { $0.facility == "meeting-room-1" })
        #expect(room.divisions.map(\.booking) == [unpaid.id, unpaid.id, nil])
        let line = try #require(room.bookings.first)
        #expect(line.holder.name == "general user")
        #expect(line.holder.contact == "0300000000")
        #expect(line.stateJa == "仮予約")
        #expect(line.amountDue == 3500)
        #expect(line.noShowFrom == Instant(japanDate: LocalDate("2026-12-10")!, minuteOfDay: 540))
        let night = try #require(sheet.rooms.first { $0.facility == "meeting-room-2" }?.bookings.first)
        #expect(night.amountDue == 0)
        #expect(night.paid == 2000)
        #expect(sheet.amountDue == 3500)
        #expect(sheet.labelJa == "令和8年12月10日(木)")
    }

    @Test func aDayAClosureCancelledIsNotOnTheSheet() async throws {
        let registration = try await f.register(.general)
        _ = try await f.book("2026-12-08", [.am], days: 3, registration: registration)
        _ = try await f.service.calendar.declareClosure(
            ClosureInput(date: LocalDate("2026-12-09")!, facilities: ["meeting-room-1"], reasonJa: "点検"), by: f.staff)
        let sheet = try await f.service.frontDesk.daySheet(date: LocalDate("2026-12-09")!)
        let room = try #require(sheet.rooms.first { $0.facility == "meeting-room-1" })
        #expect(room.bookings.isEmpty)
        #expect(!room.open)
        let next = try await f.service.frontDesk.daySheet(date: LocalDate("2026-12-10")!)
        #expect(next.rooms.first { $0.facility == "meeting-room-1" }?.bookings.first?.day == 2)
    }
}
