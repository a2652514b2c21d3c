import CenterService
@testable import Simulation
import Testing

/// A booking's arrival and its writer, taken apart by the races family,
/// keep every invariant and answer as `book` would.
@Suite(.onSimulationThread) struct RaceOperationTests {
    @Test func aWriterThatRunsAtOnceTakesTheBookingTheSnapshotAccepted() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let arrived = try await center.run(ArriveOperation(booking: PlantedCenter.booking(holder)))
        #expect(arrived.outcome.isAnswer == false)
        let taken = try await center.run(WriterTakesOperation(of: arrived.ref.step))
        #expect(taken.outcome.answer?.replayed == false)
        let retried = try await center.run(RetryOperation(of: arrived.ref.step))
        #expect(retried.outcome.answer?.replayed == true)
    }

    @Test func aSlotARivalTookBeforeTheWriterIsRefusedThereAndTheRefusalRecorded() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let rival = try await center.register()
        let arrived = try await center.run(ArriveOperation(booking: PlantedCenter.booking(holder)))
        try await center.book(rival)
        let taken = try await center.run(WriterTakesOperation(of: arrived.ref.step))
        #expect(taken.outcome.refusal?.code == "slot_taken")
        let retried = try await center.run(RetryOperation(of: arrived.ref.step))
        #expect(retried.outcome.refusal?.code == "slot_taken")
    }

    @Test func aWriterIsSkippedOnceTheClockHasMovedPastItsArrival() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let arrived = try await center.run(ArriveOperation(booking: PlantedCenter.booking(holder)))
        try await center.run(AdvanceOperation(seconds: 3600))
        let taken = try await center.run(WriterTakesOperation(of: arrived.ref.step))
        #expect(taken.outcome.isAnswer == false)
    }
}
