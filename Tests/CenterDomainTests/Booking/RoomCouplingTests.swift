import Testing
@testable import CenterDomain

@Suite struct RoomCouplingTests {
    typealias F = RulesFixtures
    let cooking = RoomCoupling.ordinanceDefaults[0]
    let nursery = RoomCoupling.ordinanceDefaults[1]

    func checkCooking(_ companions: [BookedUnit], divisions: [DivisionID] = [.am]) -> Refused? {
        F.refusal {
            try cooking.check(registration: "reg-1", date: F.day("2026-07-01"), divisions: divisions,
                              companions: companions, catalogue: F.catalogue, guardian: nil)
        }
    }

    func checkNursery(_ companions: [BookedUnit], guardian: String? = "山田花子") -> Refused? {
        F.refusal {
            try nursery.check(registration: "reg-1", date: F.day("2026-07-01"), divisions: [.pm],
                              companions: companions, catalogue: F.catalogue, guardian: guardian)
        }
    }

    @Test func cookingRoomAcceptedWithJapaneseRoomSameDivision() {
        #expect(checkCooking([F.unit("japanese-room", "2026-07-01", .am)]) == nil)
    }

    @Test func cookingRoomAcceptedWithCreativeRoom() {
        #expect(checkCooking([F.unit("creative-room", "2026-07-01", .am)]) == nil)
    }

    @Test func cookingRoomRefusedAlone() {
        let error = checkCooking([])
        #expect(error?.code == "coupling_required")
        #expect(error?.details["requires_any_of"] == "japanese-room,creative-room")
    }

    @Test func cookingRoomRefusedWithOtherRoom() {
        #expect(checkCooking([F.unit("meeting-room-1", "2026-07-01", .am)])?.code == "coupling_required")
    }

    @Test func cookingRoomRefusedForUncoveredDivision() {
        let error = checkCooking([F.unit("japanese-room", "2026-07-01", .am)], divisions: [.am, .pm])
        #expect(error?.code == "coupling_required")
        #expect(error?.details["division"] == "pm")
    }

    @Test func cookingRoomRefusedOnAnotherDate() {
        #expect(checkCooking([F.unit("japanese-room", "2026-07-02", .am)])?.code == "coupling_required")
    }

    @Test func cookingRoomRefusedWithAnotherRegistrationsRoom() {
        #expect(checkCooking([F.unit("japanese-room", "2026-07-01", .am, registration: "reg-2")])?.code == "coupling_required")
    }

    @Test func nurseryRoomAcceptedWithCategory1Room() {
        #expect(checkNursery([F.unit("gym", "2026-07-01", .pm)]) == nil)
    }

    @Test func nurseryRoomAcceptedWithCategory2Room() {
        #expect(checkNursery([F.unit("meeting-room-1", "2026-07-01", .pm)]) == nil)
    }

    @Test func nurseryRoomRefusedWithCategory3Space() {
        #expect(checkNursery([F.unit("consultation-room-1", "2026-07-01", .pm)])?.code == "coupling_required")
    }

    @Test func nurseryRoomRefusedWithAnotherRegistrationsRoom() {
        #expect(checkNursery([F.unit("gym", "2026-07-01", .pm, registration: "reg-2")])?.code == "coupling_required")
    }

    @Test func nurseryRoomNeedsNamedGuardian() {
        let companions = [F.unit("gym", "2026-07-01", .pm)]
        #expect(checkNursery(companions, guardian: nil)?.code == "guardian_required")
        #expect(checkNursery(companions, guardian: "  ")?.code == "guardian_required")
    }
}
