import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct StorageRankingTests {
    func application(_ id: Int64, priority: Int, at seconds: Int64, units: Int) -> StorageRanking.Application {
        StorageRanking.Application(id: id, priority: priority, appliedAt: Instant(secondsSinceEpoch: seconds), units: units)
    }

    @Test func higherPriorityCategoryIsServedFirst() {
        let order = StorageRanking.order([application(1, priority: 3, at: 100, units: 1),
                                          application(2, priority: 1, at: 300, units: 1),
                                          application(3, priority: 2, at: 200, units: 1)])
        #expect(order.map(\.id) == [2, 3, 1])
    }

    @Test func withinACategoryEarlierApplicationIsServedFirst() {
        let order = StorageRanking.order([application(1, priority: 1, at: 200, units: 1), application(2, priority: 1, at: 100, units: 1)])
        #expect(order.map(\.id) == [2, 1])
    }

    @Test func bayNeverHoldsMoreThanItsCapacity() {
        let bays = [StorageRanking.Bay(id: "storage-a", capacity: 10, allocated: 4)]
        let outcome = StorageRanking.allocate([application(1, priority: 1, at: 100, units: 5),
                                               application(2, priority: 2, at: 100, units: 2)], bays: bays)
        #expect(outcome.allocations == [StorageRanking.Allocation(application: 1, bay: "storage-a")])
        #expect(outcome.unallocated == [2])
    }

    @Test func applicationGoesToTheFirstBayWithRoom() {
        let bays = [StorageRanking.Bay(id: "storage-a", capacity: 3, allocated: 0),
                    StorageRanking.Bay(id: "storage-b", capacity: 10, allocated: 0)]
        let outcome = StorageRanking.allocate([application(1, priority: 1, at: 100, units: 5),
                                               application(2, priority: 2, at: 100, units: 3)], bays: bays)
        #expect(outcome.allocations == [StorageRanking.Allocation(application: 1, bay: "storage-b"),
                                        StorageRanking.Allocation(application: 2, bay: "storage-a")])
    }

    @Test func smallerApplicationBehindOneThatDoesNotFitMayStillFit() {
        let bays = [StorageRanking.Bay(id: "storage-c", capacity: 6, allocated: 0)]
        let outcome = StorageRanking.allocate([application(1, priority: 1, at: 100, units: 7),
                                               application(2, priority: 3, at: 100, units: 6)], bays: bays)
        #expect(outcome.unallocated == [1])
        #expect(outcome.allocations.map(\.application) == [2])
    }
}
