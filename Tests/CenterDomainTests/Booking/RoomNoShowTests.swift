import CalendarValues
import Testing
@testable import CenterDomain

/// A room booking is marked a no-show only once its first division of the
/// day has started, on a day it is for, and earns the policy's points.
@Suite struct RoomNoShowTests {
    typealias F = RulesFixtures
    static let day = RulesFixtures.day("2026-07-01")
    static let afternoon = Division.standard.filter { $0.id != .am }
    static let registration = Registration(id: "reg-1", category: .smallBusiness, name: "中野商事", validFrom: RulesFixtures.day("2026-04-01"),
                                           validUntil: RulesFixtures.day("2028-03-31"))

    static func mark(_ state: BookingState = .paid, on date: LocalDate = day, at minute: Int,
                     registration: Registration = registration) throws -> RoomNoShow.Outcome {
        try RoomNoShow.mark(state: state, dates: [day, day.adding(days: 1)], divisions: afternoon, on: date,
                            now: Instant(japanDate: day, minuteOfDay: minute), registration: registration, policy: PenaltyPolicy())
    }

    @Test func beforeTheFirstDivisionStartsItIsTooEarly() {
        let error = F.refusal { _ = try Self.mark(at: 12 * 60 + 59) }
        #expect(error?.code == "no_show_too_early")
        #expect(error?.details["start"] == "13:00")
        #expect(error?.details["division"] == "pm")
    }

    @Test func onceTheFirstDivisionHasStartedItMayBeMarked() throws {
        #expect(try Self.mark(at: 13 * 60).state == .noShow)
    }

    @Test func aProvisionalBookingOfTheDayMayBeMarked() throws {
        #expect(try Self.mark(.provisional, at: 14 * 60).state == .noShow)
    }

    @Test(arguments: [BookingState.checkedIn, .cancelledByUser, .lapsed, .done, .noShow])
    func onlyAPaidOrProvisionalBookingMayBeMarked(_ state: BookingState) {
        #expect(F.refusal { _ = try Self.mark(state, at: 14 * 60) }?.code == "invalid_transition")
    }

    @Test func aDayTheBookingIsNotForIsRefused() {
        let error = F.refusal { _ = try Self.mark(on: Self.day.adding(days: 5), at: 14 * 60) }
        #expect(error?.code == "no_show_not_booking_day")
    }

    @Test func aNoShowEarnsThePolicysPoints() throws {
        let outcome = try Self.mark(at: 14 * 60)
        #expect(outcome.pointsEarned == 2)
        #expect(outcome.registration.penaltyPoints == 2)
    }

    @Test func aNoShowReachingTheThresholdSuspendsFromTheDayItIsMarked() throws {
        var registration = Self.registration
        registration.penaltyPoints = 2
        let outcome = try Self.mark(at: 14 * 60, registration: registration)
        #expect(outcome.registration.suspendedUntil == F.day("2026-09-28"))
        #expect(outcome.registration.penaltyPoints == 0)
    }
}
