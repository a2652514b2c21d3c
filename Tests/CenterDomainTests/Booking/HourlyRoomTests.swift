import CalendarValues
import Testing
@testable import CenterDomain

/// Hourly rooms (1時間単位): on the hour, within the opening, at least an
/// hour, not over; units counted in hours; fee = hours × hourly fee with the
/// same surcharges, exemptions and rounding as divisions.
@Suite struct HourlyRoomTests {
    typealias F = RulesFixtures
    static let consultation = Facility(
        id: "consultation-room-1", kind: .room, category: 3, nameJa: "相談室1", nameEn: "Consultation room 1", floor: 1,
        capacity: 4, divisions: [], fees: [:], unit: .hour,
        opening: .init(from: LocalTime("09:00")!, to: LocalTime("21:00")!), hourlyFee: 300)
    let calculator = FeeCalculator(rules: FeeRules(), divisions: Division.standard)

    func hours(_ start: String, _ end: String, on date: String = "2026-07-10") -> HourRange {
        HourRange(date: F.day(date), start: LocalTime(start)!, end: LocalTime(end)!)
    }

    func check(_ range: HourRange, at now: String = "2026-07-01T10:00:00+09:00", facility: Facility = consultation) -> Refused? {
        F.refusal { try range.check(facility: facility, now: F.at(now)) }
    }

    @Test func aRangeOnTheHourWithinTheOpeningIsAccepted() {
        #expect(check(hours("09:00", "21:00")) == nil)
        #expect(check(hours("13:00", "14:00")) == nil)
    }

    @Test func boundsMustBeOnTheHour() {
        #expect(check(hours("09:30", "11:00"))?.code == "hour_not_on_the_hour")
        #expect(check(hours("09:00", "10:15"))?.code == "hour_not_on_the_hour")
    }

    @Test func aRangeLastsAtLeastOneHour() {
        #expect(check(hours("10:00", "10:00"))?.code == "hour_range_invalid")
        #expect(check(hours("11:00", "10:00"))?.code == "hour_range_invalid")
    }

    @Test func aRangeStaysWithinTheOpening() {
        let error = check(hours("08:00", "10:00"))
        #expect(error?.code == "outside_opening_hours")
        #expect(error?.details["opens"] == "09:00")
        #expect(check(hours("20:00", "22:00"))?.code == "outside_opening_hours")
    }

    @Test func anHourThatHasStartedMayStillBeBookedNotOneThatIsOver() {
        #expect(check(hours("10:00", "12:00"), at: "2026-07-10T10:59:59+09:00") == nil)
        let error = check(hours("10:00", "12:00"), at: "2026-07-10T11:00:00+09:00")
        #expect(error?.code == "hour_past")
    }

    @Test func aDivisionRoomIsNotBookedByTheHour() {
        #expect(check(hours("09:00", "10:00"), facility: F.room("meeting-room-1"))?.code == "facility_not_hourly")
    }

    @Test func eachHourIsOneUnit() {
        let range = hours("09:00", "12:00")
        #expect(range.hours == 3)
        #expect(range.units == ["h09", "h10", "h11"])
        #expect(Self.consultation.unitsPerDay == 12)
        #expect(F.room("gym", category: 1).unitsPerDay == 3)
    }

    @Test func hoursCountTowardTheMonthlyLimitAsUnits() {
        let held = hours("09:00", "15:00").units.map {
            BookedUnit(facility: "consultation-room-1", date: F.day("2026-07-10"), division: $0, registration: "reg-1", category: .general)
        }
        let booked = MonthlyLimit.unitsBooked(registration: "reg-1", month: F.month("2026-07"), facilityClass: "category-3",
                                              bookings: held, catalogue: ["consultation-room-1": Self.consultation])
        #expect(booked == 6)
        #expect(F.refusal {
            try MonthlyLimit(maxUnits: 8).check(category: .general, month: F.month("2026-07"), facilityClass: "category-3",
                                                alreadyBooked: booked, requested: hours("09:00", "12:00").hours)
        }?.code == "monthly_limit_reached")
    }

    @Test func theCommunityQuotaOfAnHourlyRoomCountsHours() {
        let month = F.month("2026-07")
        let bookable = CommunityQuota.bookableUnits(in: month, divisionsPerDay: Self.consultation.unitsPerDay) { _ in false }
        #expect(bookable == 31 * 12)
        let quota = CommunityQuota(share: 0.3, releaseDays: 30)
        #expect(quota.nonCommunityCeiling(bookableUnits: bookable) == 260)
        func book(_ range: HourRange, alreadyBooked: Int) -> Refused? {
            F.refusal {
                try quota.check(category: .general, useDate: range.date, today: F.day("2026-06-01"), bookableUnits: bookable,
                                nonCommunityUnitsBooked: alreadyBooked, requestedUnits: range.units.count)
            }
        }
        #expect(book(hours("09:00", "12:00", on: "2026-07-20"), alreadyBooked: 257) == nil)
        #expect(book(hours("09:00", "13:00", on: "2026-07-20"), alreadyBooked: 257)?.code == "community_quota_reserved")
    }

    @Test func theFeeIsHoursTimesTheHourlyFee() throws {
        let breakdown = try calculator.fee(for: FeeRequest(facility: Self.consultation, divisions: [], category: .smallBusiness,
                                                           hours: hours("09:00", "11:00")))
        #expect(breakdown.lines.map(\.kind) == ["hours"])
        #expect(breakdown.lines.first?.hours == 2)
        #expect(breakdown.lines.first?.label == "09:00–11:00（2時間）")
        #expect(breakdown.total == 600)
    }

    @Test func hourlyFeesTakeTheSameSurchargesAndRounding() throws {
        let breakdown = try calculator.fee(for: FeeRequest(facility: Self.consultation, divisions: [], category: .general,
                                                           outOfWard: true, hours: hours("09:00", "12:00")))
        #expect(breakdown.subtotal == 1080)
        #expect(breakdown.lines.first?.multipliers == ["out_of_ward"])
        let commercial = try calculator.fee(for: FeeRequest(facility: Self.consultation, divisions: [], category: .general,
                                                            commercial: true, outOfWard: true, hours: hours("09:00", "10:00")))
        #expect(commercial.subtotal == 720)
        #expect(try calculator.fee(for: FeeRequest(facility: Self.consultation, divisions: [], category: .ward,
                                                   hours: hours("09:00", "10:00"))).total == 0)
    }

    @Test func anHourlyRoomNeedsHoursNotDivisions() {
        #expect(F.refusal { _ = try calculator.fee(for: FeeRequest(facility: Self.consultation, divisions: [], category: .general)) }?.code
            == "hours_required")
        #expect(F.refusal {
            _ = try calculator.fee(for: FeeRequest(facility: Self.consultation, divisions: [.am], category: .general, hours: hours("09:00", "10:00")))
        }?.code == "division_not_offered")
        #expect(F.refusal {
            _ = try calculator.fee(for: FeeRequest(facility: F.room("meeting-room-1"), divisions: [.am], category: .general, hours: hours("09:00", "10:00")))
        }?.code == "facility_not_hourly")
    }
}
