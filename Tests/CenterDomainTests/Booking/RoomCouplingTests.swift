import CalendarValues
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

/// 施行規則 第4条1項2号: the 保育室 may be used alone when staff approve that
/// the use serves the center's purpose; the 調理室 has no such exception.
@Suite struct CouplingApprovalTests {
    typealias F = RulesFixtures
    let cooking = RoomCoupling.ordinanceDefaults[0]
    let nursery = RoomCoupling.ordinanceDefaults[1]
    let now = RulesFixtures.at("2026-06-20T10:00:00+09:00")

    func approval(by: String = "受付 佐藤", reason: String = "子育て世帯向け創業セミナーの会場として", at: String = "2026-06-20T09:00:00+09:00") throws -> CouplingApproval {
        try CouplingApproval(approvedBy: by, approvedAt: F.at(at), reason: reason, now: now)
    }

    @Test func anApprovedNurseryRoomMayBeUsedAloneWithoutGuardian() throws {
        let approved = try approval()
        #expect(F.refusal {
            try nursery.check(registration: "reg-1", date: F.day("2026-07-01"), divisions: [.pm], companions: [],
                              catalogue: F.catalogue, guardian: nil, approval: approved)
        } == nil)
    }

    @Test func withoutApprovalTheNurseryRoomStillNeedsItsCompanion() {
        #expect(F.refusal {
            try nursery.check(registration: "reg-1", date: F.day("2026-07-01"), divisions: [.pm], companions: [],
                              catalogue: F.catalogue, guardian: "山田花子")
        }?.code == "coupling_required")
    }

    @Test func theCookingRoomIsNeverUsedAlone() throws {
        let approved = try approval()
        #expect(F.refusal {
            try cooking.check(registration: "reg-1", date: F.day("2026-07-01"), divisions: [.am], companions: [],
                              catalogue: F.catalogue, guardian: nil, approval: approved)
        }?.code == "coupling_approval_not_allowed")
    }

    @Test func anApprovalNamesWhoAndWhy() {
        #expect(F.refusal { _ = try approval(by: "  ") }?.details["field"] == "approved_by")
        #expect(F.refusal { _ = try approval(reason: "") }?.details["field"] == "reason")
        #expect(F.refusal { _ = try approval(reason: "一行目\n二行目") }?.code == "approval_invalid")
    }

    @Test func anApprovalIsNotDatedAfterNow() {
        #expect(F.refusal { _ = try approval(at: "2026-06-20T10:00:01+09:00") }?.details["field"] == "approved_at")
        #expect(F.refusal { _ = try approval(at: "2026-06-20T10:00:00+09:00") } == nil)
    }

    @Test func theApprovalIsRecordedWithWhoWhenAndWhy() throws {
        let json = try encodeJSON(try approval())
        #expect(json == #"{"approved_at":"2026-06-20T09:00:00+09:00","approved_by":"受付 佐藤","reason":"子育て世帯向け創業セミナーの会場として"}"#)
    }
}
