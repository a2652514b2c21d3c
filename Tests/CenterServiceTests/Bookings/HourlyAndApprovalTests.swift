import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Testing
@testable import CenterService

/// Rooms let by the hour (docs/DOMAIN.md "Hourly rooms (1時間単位)": the
/// consultation rooms, 09:00–21:00, ¥300 an hour) and the nursery room used
/// alone with a staff approval (施行規則 第4条1項2号).
@Suite struct HourlyAndApprovalTests {
    func hours(_ from: String, _ to: String) -> BookingHours { BookingHours(from: LocalTime(from)!, to: LocalTime(to)!) }

    func bookHours(_ f: BookingFixture, _ registration: Int64, _ date: String, _ from: String, _ to: String,
                   divisions: [DivisionID] = [], facility: FacilityID = "consultation-room-1") async throws -> Booking {
        let request = BookingRequest(facility: facility, date: LocalDate(date)!, divisions: divisions, registration: registration,
                                     attendees: 3, hours: hours(from, to))
        return try await f.service.bookings.book(request, by: f.staff).value!
    }

    @Test func anHourlyRoomIsBookedAndPricedByTheHour() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        let booking = try await bookHours(f, general, "2026-12-10", "09:00", "11:00")
        #expect(booking.divisions == ["h09", "h10"])
        #expect(booking.hours == hours("09:00", "11:00"))
        #expect(booking.feeTotal == 600)
        #expect(booking.fee.perDay.lines.map(\.kind) == ["hours"])
        let again = try await f.service.bookings.booking(id: booking.id, for: f.staff)
        #expect(again.hours == hours("09:00", "11:00"))
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-10", "10:00", "12:00") } == "slot_taken")
    }

    @Test func hoursOutsideTheOpeningOrOffTheHourAreRefused() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-10", "20:00", "22:00") } == "outside_opening_hours")
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-10", "09:30", "11:00") } == "hour_not_on_the_hour")
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-10", "11:00", "11:00") } == "hour_range_invalid")
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-10", "09:00", "10:00", divisions: [.am]) }
                == "division_not_offered")
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-10", "09:00", "10:00", facility: "meeting-room-1") }
                == "facility_not_hourly")
        #expect(await f.refusal { _ = try await f.book(in: "consultation-room-1", "2026-12-10", [], registration: general) }
                == "divisions_required")
    }

    @Test func anHourThatIsOverIsNotBooked() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-11-25", "09:00", "10:00") } == "hour_past")
        #expect(try await bookHours(f, general, "2026-11-25", "10:00", "11:00").divisions == ["h10"])
    }

    @Test func theMonthlyLimitCountsHours() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        _ = try await bookHours(f, general, "2026-12-10", "09:00", "15:00")
        _ = try await bookHours(f, general, "2026-12-11", "09:00", "11:00")
        #expect(await f.refusal { _ = try await bookHours(f, general, "2026-12-12", "09:00", "10:00") } == "monthly_limit_reached")
    }

    func nursery(_ registration: Int64, approval: CouplingApprovalInput?, facility: FacilityID = "nursery-room") -> BookingRequest {
        BookingRequest(facility: facility, date: LocalDate("2026-12-10")!, divisions: [.am], registration: registration, attendees: 5,
                       couplingApproval: approval)
    }

    @Test func theNurseryRoomAloneNeedsAStaffApprovalRecordedOnTheBooking() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        #expect(await f.refusal { _ = try await f.service.bookings.book(nursery(general, approval: nil), by: f.staff) } == "coupling_required")
        let approval = CouplingApprovalInput(approvedBy: "館長 山田", reason: "創業セミナー参加者の託児（センターの目的に資する）")
        let booking = try #require(try await f.service.bookings.book(nursery(general, approval: approval), by: f.staff).value)
        #expect(booking.couplingApproval?.approvedBy == "館長 山田")
        #expect(booking.couplingApproval?.approvedAt == f.clock.now())
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).couplingApproval == booking.couplingApproval)
    }

    @Test func onlyStaffApproveAndOnlyWhereTheCouplingAllowsIt() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        let approval = CouplingApprovalInput(approvedBy: "館長 山田", reason: "センターの目的に資する")
        #expect(await f.refusal { _ = try await f.service.bookings.book(nursery(general, approval: approval), by: f.member(general)) }
                == "forbidden")
        #expect(await f.refusal { _ = try await f.service.bookings.book(nursery(general, approval: approval, facility: "cooking-room"), by: f.staff) }
                == "coupling_approval_not_allowed")
        #expect(await f.refusal { _ = try await f.service.bookings.book(nursery(general, approval: approval, facility: "meeting-room-1"), by: f.staff) }
                == "coupling_approval_not_allowed")
        let blank = CouplingApprovalInput(approvedBy: "館長 山田", reason: " ")
        #expect(await f.refusal { _ = try await f.service.bookings.book(nursery(general, approval: blank), by: f.staff) } == "approval_invalid")
        let later = CouplingApprovalInput(approvedBy: "館長 山田", reason: "理由", approvedAt: f.clock.now().adding(seconds: 60))
        #expect(await f.refusal { _ = try await f.service.bookings.book(nursery(general, approval: later), by: f.staff) } == "approval_invalid")
    }

    @Test func aRegistrationRenewsInItsIssuersOwnPeriod() async throws {
        let settings = BookingFixture.settings {
            $0.registration.issuers = [.ward: .init(renewalWindowDays: 90), .designatedManager: .init(renewalWindowDays: 30)]
        }
        let f = try BookingFixture(settings: settings)
        let community = try await f.register(.communityGroup, validFrom: LocalDate("2025-04-01")!, validUntil: LocalDate("2027-02-01")!)
        let general = try await f.register(.general, validFrom: LocalDate("2025-04-01")!, validUntil: LocalDate("2027-02-01")!)
        #expect(try await f.service.registrations.registration(id: community, for: f.staff).issuer == .ward)
        #expect(try await f.service.registrations.registration(id: general, for: f.staff).issuerNameJa == "指定管理者")
        #expect(try await f.service.registrations.renew(id: community, by: f.staff).value?.validFrom == BookingFixture.today)
        #expect(await f.refusal { _ = try await f.service.registrations.renew(id: general, by: f.staff) } == "renewal_not_open")
    }
}
