import Testing
@testable import CenterDomain

@Suite struct PenaltyPolicyTests {
    typealias F = RulesFixtures
    let policy = PenaltyPolicy()

    @Test func lateCancelEarnsOnePoint() {
        #expect(policy.record(.lateCancel, currentPoints: 0, on: F.day("2026-07-01")) == .init(points: 1, suspendedUntil: nil))
    }

    @Test func noShowEarnsTwoPoints() {
        #expect(policy.record(.noShow, currentPoints: 1, on: F.day("2026-07-01")).points == 3)
    }

    @Test func cancellationSixDaysBeforeUseIsLate() {
        #expect(policy.isLateCancel(cancelledOn: F.day("2026-07-04"), useDate: F.day("2026-07-10")))
        #expect(!policy.isLateCancel(cancelledOn: F.day("2026-07-03"), useDate: F.day("2026-07-10")))
    }

    @Test func reachingThresholdSuspendsForNinetyDays() {
        let outcome = policy.record(.lateCancel, currentPoints: 3, on: F.day("2026-07-01"))
        #expect(outcome.suspendedUntil == F.day("2026-09-28"))
        #expect(outcome.points == 0)
    }

    @Test func belowThresholdDoesNotSuspend() {
        #expect(policy.record(.lateCancel, currentPoints: 2, on: F.day("2026-07-01")).suspendedUntil == nil)
    }

    @Test func suspensionBlocksBookingUntilItEnds() {
        let registration = Registration(id: "reg-1", category: .smallBusiness, name: "中野商事", validFrom: F.day("2026-04-01"),
                                        validUntil: F.day("2028-03-31"), penaltyPoints: 2)
        let suspended = policy.applying(.noShow, to: registration, on: F.day("2026-07-01"))
        #expect(F.refusal { try suspended.checkCanBook(today: F.day("2026-09-28")) }?.code == "registration_suspended")
        #expect(F.refusal { try suspended.checkCanBook(today: F.day("2026-09-29")) } == nil)
    }
}
