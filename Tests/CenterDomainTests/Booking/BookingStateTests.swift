import Testing
@testable import CenterDomain

@Suite struct BookingStateTests {
    typealias F = RulesFixtures

    @Test func bookingRunsFromProvisionalToDone() throws {
        var state = BookingState.provisional
        for next in [BookingState.paid, .checkedIn, .done] {
            state = try state.transition(to: next)
        }
        #expect(state == .done)
    }

    @Test func unpaidProvisionalBookingLapses() {
        #expect(F.refusal { _ = try BookingState.provisional.transition(to: .lapsed) } == nil)
    }

    @Test func paidOrProvisionalBookingMayBecomeNoShow() {
        #expect(F.refusal { _ = try BookingState.paid.transition(to: .noShow) } == nil)
        #expect(F.refusal { _ = try BookingState.provisional.transition(to: .noShow) } == nil)
    }

    @Test func liveBookingsMayBeCancelledByEitherSide() {
        for state in [BookingState.provisional, .paid] {
            for cancelled in [BookingState.cancelledByUser, .cancelledByCenter] {
                #expect(F.refusal { _ = try state.transition(to: cancelled) } == nil)
            }
        }
    }

    @Test(arguments: [
        (BookingState.paid, BookingState.lapsed), (.checkedIn, .noShow), (.provisional, .checkedIn),
        (.done, .cancelledByUser), (.lapsed, .paid), (.cancelledByUser, .provisional), (.noShow, .paid),
    ])
    func illegalTransitionsRefused(from: BookingState, to: BookingState) {
        let error = F.refusal { _ = try from.transition(to: to) }
        #expect(error?.code == "invalid_transition")
        #expect(error?.details == ["from": from.rawValue, "to": to.rawValue])
    }
}
