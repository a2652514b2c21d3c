import CalendarValues
import Testing
@testable import CenterDomain

/// The availability of a division, in the order the rules decide it:
/// closed, booked, window closed, not yet open, held for the community
/// quota, else free.
@Suite struct SlotAvailabilityTests {
    typealias F = RulesFixtures
    static let divisions = [Division(id: .am, nameJa: "午前", nameEn: "Morning", start: "09:00", end: "12:00"),
                            Division(id: .pm, nameJa: "午後", nameEn: "Afternoon", start: "13:00", end: "17:00"),
                            Division(id: .night, nameJa: "夜間", nameEn: "Evening", start: "18:00", end: "21:30")]
    let calendar = CenterCalendar(policy: .nakanoDefault)
    let economic = CategoryWindow(category: .economicGroup, opens: .firstOfMonth(monthsBefore: 6))
    let community = CategoryWindow(category: .communityGroup, opens: .firstOfMonth(monthsBefore: 2), closesDaysBefore: 3)
    let quota = CommunityQuota(share: 0.30, releaseDays: 30)
    /// Wednesday 2026-11-25, 10:00 in Japan.
    let now = Instant(japanDate: F.day("2026-11-25"), minuteOfDay: 600)

    func rule(at instant: Instant? = nil, window: CategoryWindow? = nil, category: UserCategory? = nil,
              quota: CommunityQuota? = nil) -> SlotAvailability {
        SlotAvailability(now: instant ?? now, divisions: Self.divisions, window: window, category: category, quota: quota,
                         calendar: calendar)
    }

    @Test func aClosedDayIsClosedEvenWhereABookingStands() {
        #expect(rule().status(of: .am, on: F.day("2026-12-02"), closed: true, booked: true) { _ in true } == .closed)
    }

    @Test func aBookedDivisionIsBookedEvenOnAPastDay() {
        #expect(rule().status(of: .am, on: F.day("2026-11-20"), closed: false, booked: true) { _ in true } == .booked)
    }

    @Test func aPastDayCanNoLongerBeBooked() {
        #expect(rule().status(of: .night, on: F.day("2026-11-24"), closed: false, booked: false) { _ in false } == .windowClosed)
    }

    @Test func todaysDivisionClosesWhenItEndsNotWhenItStarts() {
        let today = F.day("2026-11-25")
        #expect(rule().status(of: .am, on: today, closed: false, booked: false) { _ in false } == .free)
        let noon = Instant(japanDate: today, minuteOfDay: 720)
        #expect(rule(at: noon).status(of: .am, on: today, closed: false, booked: false) { _ in false } == .windowClosed)
        #expect(rule(at: noon).status(of: .pm, on: today, closed: false, booked: false) { _ in false } == .free)
    }

    @Test func aCommunityGroupsWindowClosesThreeDaysBeforeUse() {
        let group = rule(window: community, category: .communityGroup)
        #expect(group.status(of: .am, on: F.day("2026-11-27"), closed: false, booked: false) { _ in false } == .windowClosed)
        #expect(group.status(of: .am, on: F.day("2026-11-28"), closed: false, booked: false) { _ in false } == .free)
    }

    @Test func beforeTheWindowOpensTheSlotSaysWhenItOpens() throws {
        let date = F.day("2027-06-10")
        let opens = try #require(economic.opens).opening.opening(for: date, in: calendar)
        #expect(opens > F.day("2026-11-25"))
        let status = rule(window: economic, category: .economicGroup).status(of: .am, on: date, closed: false, booked: false) { _ in false }
        #expect(status == .notOpen(opens: opens))
        #expect(status.name == .notOpen)
    }

    @Test func aProtectedDateOfAMonthWhoseShareIsUsedUpIsHeldUntilItsRelease() {
        let date = F.day("2027-01-25")
        let status = rule(window: economic, category: .economicGroup, quota: quota)
            .status(of: .am, on: date, closed: false, booked: false) { $0 == date.yearMonth }
        #expect(status == .held(releaseDate: F.day("2026-12-26")))
    }

    @Test func communityGroupsAreNeverHeldOutOfTheirShare() {
        let status = rule(window: community, category: .communityGroup, quota: quota)
            .status(of: .am, on: F.day("2027-01-25"), closed: false, booked: false) { _ in true }
        #expect(status == .free)
    }

    @Test func onceReleasedTheShareIsFreeToEveryone() {
        let status = rule(window: economic, category: .economicGroup, quota: quota)
            .status(of: .am, on: F.day("2026-12-20"), closed: false, booked: false) { _ in true }
        #expect(status == .free)
    }

    @Test func theShareIsAskedOnlyForADateTheQuotaStillProtects() {
        var asked: [YearMonth] = []
        let economicRule = rule(window: economic, category: .economicGroup, quota: quota)
        _ = economicRule.status(of: .am, on: F.day("2027-01-25"), closed: true, booked: false) { asked.append($0); return true }
        _ = economicRule.status(of: .am, on: F.day("2026-12-20"), closed: false, booked: false) { asked.append($0); return true }
        _ = economicRule.status(of: .am, on: F.day("2027-02-25"), closed: false, booked: false) { asked.append($0); return true }
        #expect(asked == [F.month("2027-02")])
    }

    @Test func withoutACategoryOnlyTheDayAndTheQuotaDecide() {
        let anyone = rule(quota: quota)
        #expect(anyone.status(of: .am, on: F.day("2027-09-10"), closed: false, booked: false) { _ in false } == .free)
        #expect(anyone.status(of: .am, on: F.day("2027-09-10"), closed: false, booked: false) { _ in true }
                == .held(releaseDate: F.day("2027-08-11")))
    }

    /// `days(_:)` works a window's opening out once per day it counts from
    /// (a month for `first_of_month`): each day it gives must be the day
    /// asked alone, over months whose opening rolls past closed days (the
    /// year-end closure) and for every rule of opening.
    @Test func theDaysOfARangeAskedTogetherAreEachDayAskedAlone() {
        let windows = [economic, community,
                       CategoryWindow(category: .economicGroup, opens: .sameDayOfMonth(monthsBefore: 2)),
                       CategoryWindow(category: .economicGroup, opens: .daysBefore(40))]
        let dates = F.day("2026-11-20").dates(through: F.day("2027-07-10"))
        for window in windows {
            for instant in [now, Instant(japanDate: F.day("2026-12-29"), minuteOfDay: 1000)] {
                let rule = rule(at: instant, window: window, category: window.category, quota: quota)
                for (date, day) in zip(dates, rule.days(dates)) {
                    #expect(day.date == date)
                    for division in Self.divisions.map(\.id) {
                        for full in [false, true] {
                            let alone = rule.day(date).status(of: division, closed: false, booked: false) { _ in full }
                            #expect(day.status(of: division, closed: false, booked: false) { _ in full } == alone,
                                    "\(window.category) \(date) \(division)")
                        }
                    }
                }
            }
        }
    }

    @Test func aDayAskedAheadStillSaysClosedAndBookedFirst() {
        let day = rule(window: economic, category: .economicGroup).days([F.day("2027-08-02")])[0]
        #expect(day.status(of: .am, closed: true, booked: true) { _ in true } == .closed)
        #expect(day.status(of: .am, closed: false, booked: true) { _ in true } == .booked)
    }
}
