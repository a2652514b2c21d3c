import Foundation
import Testing
@testable import CenterDomain

@Suite struct FacilityTests {
    @Test func divisionsFollowEnforcementRuleArticle5() {
        let times = Division.standard.map { ($0.id.rawValue, $0.nameJa, $0.startMinute, $0.endMinute) }
        #expect(times.map(\.0) == ["am", "pm", "night"])
        #expect(times.map(\.1) == ["午前", "午後", "夜間"])
        #expect(times.map(\.2) == [540, 780, 1080])
        #expect(times.map(\.3) == [720, 1020, 1320])
    }

    @Test func divisionTimeParsingRejectsMalformedTimes() {
        #expect(Division.minuteOfDay("24:00") == 1440)
        #expect(Division.minuteOfDay("24:01") == nil)
        #expect(Division.minuteOfDay("9:00") == nil)
        #expect(Division.minuteOfDay("09:60") == nil)
    }

    @Test func facilityIdsAreKebabCase() {
        #expect(FacilityID("meeting-room-1").isKebabCase)
        #expect(!FacilityID("Meeting_Room").isKebabCase)
        #expect(!FacilityID("room--1").isKebabCase)
        #expect(!FacilityID("").isKebabCase)
    }

    @Test func facilityDecodesWithDefaults() throws {
        let json = #"{"id": "storage-a", "kind": "storage_bay", "name_ja": "備品倉庫A", "name_en": "Storage A", "capacity": 10}"#
        let facility = try JSONDecoder().decode(Facility.self, from: Data(json.utf8))
        #expect(facility.kind == .storageBay)
        #expect(facility.category == nil)
        #expect(facility.bookable)
        #expect(!facility.placeholder)
        #expect(!facility.isQuotaFacility)
        #expect(facility.fees.isEmpty)
    }
}
