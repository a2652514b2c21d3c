import CenterService
@testable import Simulation
import Testing

/// A retry's expectation: a key's answer is the first one recorded under it.
/// A booking refused on its arrival snapshot records nothing (docs/API.md
/// "Idempotency"), so a later retry that is booked binds the key, and every
/// retry after it must get that booking again; none of it breaks an
/// invariant (`PlantedCenter.run` records any that breaks).
@Suite(.onSimulationThread) struct RetryOperationTests {
    /// A booking of the slot that `holder` took first, refused on arrival.
    func refusedOnArrival(_ center: PlantedCenter) async throws -> (holder: Ref, refused: Ref) {
        let holder = try await center.book(try await center.register()).ref
        let refused = try await center.book(try await center.register())
        #expect(refused.outcome.refusal?.code == "slot_taken")
        try await center.run(CancelOperation(booking: holder, byCenter: false, asMember: false))
        return (holder, refused.ref)
    }

    @Test func aRetryBookedAfterAnArrivalRefusalIsTheAnswerLaterRetriesGet() async throws {
        let center = try await PlantedCenter()
        let (_, refused) = try await refusedOnArrival(center)
        let booked = try await center.run(RetryOperation(of: refused.step))
        #expect(booked.outcome.answer?.replayed == false)
        let again = try await center.run(RetryOperation(of: refused.step))
        #expect(again.outcome.answer?.replayed == true)
        #expect(center.runner.world.outcomes[refused.step]?.answer?.replayed == false)
    }

    @Test func aKeyReusedAfterAnArrivalRefusalReplaysItsOwnBodyAgain() async throws {
        let center = try await PlantedCenter()
        let (_, refused) = try await refusedOnArrival(center)
        let booked = try await center.run(ReuseKeyOperation(of: refused.step))
        #expect(booked.outcome.answer?.replayed == false)
        let again = try await center.run(ReuseKeyOperation(of: refused.step))
        #expect(again.outcome.answer?.replayed == true)
        let retried = try await center.run(RetryOperation(of: refused.step))
        #expect(retried.outcome.refusal?.code == "idempotency_key_reused")
    }
}
