import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// The day sheet lists the day's bookings by room and division with their
/// holder, what is due and the check-in.
struct DaySheetServiceTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

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

    /// A part payment is money at the counter already: the sheet shows it
    /// as paid and asks only for the rest.
    @Test func aPartPaymentShowsAsPaidAndOnlyTheRestIsDue() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1000, method: .cash, by: f.staff)
        let sheet = try await f.service.frontDesk.daySheet(date: LocalDate("2026-12-10")!)
        let line = try #require(sheet.rooms.first { $0.facility == "meeting-room-1" }?.bookings.first)
        #expect(line.stateJa == "仮予約")
        #expect(line.paid == 1000)
        #expect(line.amountDue == 2500)
        #expect(sheet.amountDue == 2500)
    }

    /// A room let by the hour is on the sheet hour by hour, with its
    /// bookings and the start of their first hour.
    @Test func aRoomLetByTheHourIsOnTheSheetHourByHour() async throws {
        let registration = try await f.register(.general)
        let request = BookingRequest(facility: "consultation-room-1", date: LocalDate("2026-12-10")!, divisions: [],
                                     registration: registration, purpose: "相談", attendees: 2,
                                     hours: BookingHours(from: LocalTime("13:00")!, to: LocalTime("15:00")!))
        let booking = try #require(try await f.service.bookings.book(request, by: f.staff).value)
        let sheet = try await f.service.frontDesk.daySheet(date: LocalDate("2026-12-10")!)
        let room = try #require(sheet.rooms.first { $0.facility == "consultation-room-1" })
        #expect(room.divisions.count == 12)
        #expect(room.divisions.first?.start == "09:00")
        #expect(room.divisions.filter { $0.booking == booking.id }.map(\.division.rawValue) == ["h13", "h14"])
        #expect(room.divisions.first { $0.division == "h13" }?.nameJa == "13時〜14時")
        let line = try #require(room.bookings.first)
        #expect(line.booking == booking.id)
        #expect(line.noShowFrom == Instant(japanDate: LocalDate("2026-12-10")!, minuteOfDay: 13 * 60))
        #expect(sheet.amountDue == booking.feeTotal)
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
