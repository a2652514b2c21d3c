import CalendarValues
import Foundation
import Testing
@testable import CenterDomain

@Suite struct CenterConfigurationTests {
    /// Config/center.json of this checkout, found from this file's path.
    static let centerJSON: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config/center.json")

    static func load() throws -> CenterConfiguration {
        try JSONDecoder().decode(CenterConfiguration.self, from: Data(contentsOf: centerJSON))
    }

    func paths(_ change: (inout CenterConfiguration) -> Void) throws -> [String] {
        var config = try Self.load()
        change(&config)
        return config.validate().map(\.path)
    }

    func index(_ id: FacilityID, in config: CenterConfiguration) -> Int {
        config.facilities.firstIndex { $0.id == id }!
    }

    @Test func centerJSONDecodesWithoutProblems() throws {
        let config = try Self.load()
        #expect(config.validate() == [])
        #expect(config.comment?.contains("別表") == true)
        #expect(config.placeholders.contains("fees"))
    }

    @Test func centerJSONListsEveryFacility() throws {
        let ids = Set(try Self.load().facilities.map(\.id.rawValue))
        let expected: Set<String> = [
            "multipurpose-hall", "gym", "small-gym",
            "special-meeting-room", "large-meeting-room", "meeting-room-1", "meeting-room-2", "japanese-room",
            "creative-room", "cooking-room", "event-corner", "nursery-room",
            "consultation-room-1", "consultation-room-2", "exchange-space", "dining-space",
            "flexible-desks", "mobile-lockers", "storage-a", "storage-b", "storage-c",
        ]
        #expect(ids == expected)
    }

    @Test func centerJSONCategoryThreeSpacesAreDropInButTheConsultationRoomsAreLetByTheHour() throws {
        let config = try Self.load()
        let spaces = config.facilities.filter { $0.category == 3 }
        #expect(spaces.filter(\.bookable).map(\.id) == ["consultation-room-1", "consultation-room-2"])
        #expect(spaces.filter(\.bookable).allSatisfy { $0.unit == .hour && $0.opening != nil && $0.divisions.isEmpty })
        #expect(config.facilities.filter { $0.kind == .room && $0.bookable }.allSatisfy { $0.placeholder })
        #expect(config.facility("large-meeting-room")?.floor == 3)
    }

    @Test func centerJSONWindowsPerCategory() throws {
        let config = try Self.load()
        #expect(config.window(for: .ward)?.opens == .firstOfMonth(monthsBefore: 12))
        #expect(config.window(for: .economicGroup)?.opens == .firstOfMonth(monthsBefore: 6))
        #expect(config.window(for: .smallBusiness)?.opens == .firstOfMonth(monthsBefore: 3))
        #expect(config.window(for: .communityGroup)?.opens == .sameDayOfMonth(monthsBefore: 2))
        #expect(config.window(for: .communityGroup)?.closesDaysBefore == 3)
        #expect(config.window(for: .general)?.opens == .firstOfMonth(monthsBefore: 1))
        #expect(config.window(for: .freelancer)?.opens == nil)
        #expect(config.window(for: .freelancer)?.kinds == [.desk])
    }

    @Test func centerJSONQuotaFacilities() throws {
        let config = try Self.load()
        let quota = config.facilities.filter(\.isQuotaFacility).map(\.id.rawValue)
        #expect(Set(quota) == ["multipurpose-hall", "gym", "small-gym", "large-meeting-room"])
        #expect(config.quota(for: "gym") == CommunityQuota(share: 0.30, releaseDays: 30))
        #expect(config.quota(for: "meeting-room-1") == nil)
    }

    @Test func centerJSONNewFacilities() throws {
        let config = try Self.load()
        #expect(config.desks.desks.count == 20)
        #expect(config.desks.desks.first?.id == "desk-01")
        #expect(config.desks.windowDays == 14 && config.desks.weeklyLimit == 5 && config.desks.checkInGraceMinutes == 30)
        #expect(config.lockers.ids.last == "locker-30")
        #expect(config.lockers.reminderDays == [60, 30])
        #expect(config.storage.categoriesByPriority.map(\.id) == ["community_group", "tourism_association", "silver_human_resources_center"])
    }

    @Test func validateReportsDuplicateFacilityId() throws {
        let problems = try paths { $0.facilities[1].id = $0.facilities[0].id }
        #expect(problems.contains("$.facilities[1].id"))
    }

    @Test func validateReportsUnknownDivisionInFeeTable() throws {
        let config = try Self.load()
        let i = index("meeting-room-1", in: config)
        let problems = try paths { $0.facilities[i].fees["evening"] = 1000 }
        #expect(problems == ["$.facilities[\(i)].fees.evening"])
    }

    @Test func centerJSONSetsTheRenewalPeriod() throws {
        #expect(try Self.load().registration.renewalWindowDays == 60)
    }

    @Test func validateReportsARenewalPeriodOutsideZeroToAYear() throws {
        #expect(try paths { $0.registration.renewalWindowDays = -1 } == ["$.registration.renewal_window_days"])
        #expect(try paths { $0.registration.renewalWindowDays = 400 } == ["$.registration.renewal_window_days"])
        #expect(try paths { $0.registration.renewalWindowDays = 0 } == [])
    }

    @Test func validateReportsNegativeFee() throws {
        let config = try Self.load()
        let i = index("gym", in: config)
        #expect(try paths { $0.facilities[i].fees[.night] = -1 } == ["$.facilities[\(i)].fees.night"])
    }

    @Test func validateReportsMissingFee() throws {
        let config = try Self.load()
        let i = index("gym", in: config)
        #expect(try paths { $0.facilities[i].fees[.am] = nil } == ["$.facilities[\(i)].fees.am"])
    }

    @Test func validateReportsShareOutsideZeroToOne() throws {
        let config = try Self.load()
        let i = index("gym", in: config)
        #expect(try paths { $0.facilities[i].quota = .init(share: 1.2) } == ["$.facilities[\(i)].quota.share"])
        #expect(try paths { $0.quota.share = -0.1 } == ["$.quota.default_share"])
    }

    @Test func validateReportsCouplingToUnknownFacility() throws {
        let problems = try paths {
            $0.couplings[0] = RoomCoupling(facility: "cooking-room", requiresAnyOf: ["japanese-room", "tatami-room"])
        }
        #expect(problems == ["$.couplings[0].requires_any_of[1]"])
        #expect(try paths { $0.couplings[1] = RoomCoupling(facility: "kids-room", requiresAnyOfCategories: [1]) } == ["$.couplings[1].facility"])
    }

    @Test func validateReportsBadDivisionTimes() throws {
        #expect(try paths {
            $0.divisions[2] = Division(id: .night, nameJa: "夜間", nameEn: "Night", start: "18:00", end: "17:30")
        } == ["$.divisions[2].end"])
    }

    @Test func validateReportsBadRuleValues() throws {
        #expect(try paths { $0.refunds.tiers[1].percent = 150 } == ["$.refunds.tiers[1].percent"])
        #expect(try paths { $0.limits.monthly.maxUnits = 0 } == ["$.limits.max_units_per_month"])
        #expect(try paths { $0.fees.surcharges[2].multiplier = 0.8 } == ["$.fees.surcharges[2].multiplier"])
        #expect(try paths { $0.fees.exemptions[0].percent = 101 } == ["$.fees.exemptions[0].percent"])
    }

    @Test func validateReportsDeskLockerAndStorageMistakes() throws {
        #expect(try paths { $0.desks.count = 21 } == ["$.desks.count", "$.desks.count"])
        #expect(try paths { $0.lockers.count = 29 } == ["$.lockers.count", "$.lockers.count"])
        #expect(try paths { $0.desks.desks[3].features = ["printer"] } == ["$.desks.desks[3].features[0]"])
        #expect(try paths { $0.lockers.ids[5] = "locker-01" } == ["$.lockers.ids[5]"])
        #expect(try paths { $0.storage.bays[0] = "gym" } == ["$.storage.bays[0]"])
    }

    @Test func validateReportsAWindowOutsideItsRange() throws {
        let i = try Self.load().categories.firstIndex { $0.category == .communityGroup }!
        #expect(try paths { $0.categories[i] = CategoryWindow(category: .communityGroup, opens: .sameDayOfMonth(monthsBefore: -1)) }
            == ["$.categories[\(i)].window.months_before"])
        #expect(try paths { $0.categories[i] = CategoryWindow(category: .communityGroup, opens: .sameDayOfMonth(monthsBefore: 121)) }
            == ["$.categories[\(i)].window.months_before"])
        #expect(try paths { $0.categories[i] = CategoryWindow(category: .communityGroup, opens: .daysBefore(4000)) }
            == ["$.categories[\(i)].window.days"])
    }

    @Test func centerJSONDrawsTheHallsInARoundPerCategoryAtItsWindow() throws {
        let config = try Self.load()
        let rounds = try [UserCategory.economicGroup, .smallBusiness, .general].map { category in
            try #require(config.lotteryRound(for: "gym", category: category))
        }
        #expect(rounds.map(\.id) == ["halls-economic-group", "halls-small-business", "halls-general"])
        #expect(rounds.map(\.monthsBefore) == [6, 3, 1])
        for round in rounds {
            #expect(round.facilities == ["multipurpose-hall", "gym", "small-gym"])
            #expect(round.participants.allSatisfy { config.window(for: $0)?.opens == .firstOfMonth(monthsBefore: round.monthsBefore) })
            #expect(round.entry.fromDay == 1 && round.entry.toDay == 9)
            #expect(round.maxEntriesPerRegistration == 4 && round.maxWinsPerRegistration == 8)
            #expect(round.tiers.map(\.id) == ["in_ward", "out_of_ward"])
        }
        #expect(config.lotteryRound(for: "gym", category: .communityGroup) == nil)
        #expect(config.lotteryRound(for: "gym", category: .ward) == nil)
        #expect(config.lotteryRound(for: "large-meeting-room", category: .general) == nil)
        #expect(config.lottery?.rounds(for: "small-gym").count == 3)
    }

    @Test func everyValueFromAnotherWardIsMarkedAsAPlaceholderWithItsSource() throws {
        let config = try Self.load()
        #expect(Set(["lottery", "waiting_list", "opening", "hourly_fee"]).isSubset(of: config.placeholders))
        for ward in ["Nerima", "Minato"] { #expect(config.lottery?.comment?.contains(ward) == true) }
        #expect(config.lottery?.comment?.contains("PLACEHOLDERS") == true)
        #expect(config.waitingList?.comment?.contains("PLACEHOLDERS from Ota") == true)
        let text = try String(contentsOf: Self.centerJSON, encoding: .utf8)
        #expect(text.contains("PLACEHOLDER opening and hourly_fee: Shinagawa"))
    }

    @Test func centerJSONHasTheWaitingList() throws {
        let rules = try #require(try Self.load().waitingList)
        #expect(rules == WaitingListRules(comment: rules.comment, maxEntriesPerMonth: 2, order: .draw, offerHoldHours: 48, closesDaysBefore: 6))
        #expect(rules.comment?.contains("Ota") == true)
    }

    @Test func centerJSONPricesTheConsultationRoomsByTheHour() throws {
        let room = try #require(try Self.load().facility("consultation-room-1"))
        #expect(room.unit == .hour)
        #expect(room.opening?.hours == 12)
        #expect(room.hourlyFee == 300)
        #expect(room.placeholder)
    }

    @Test func centerJSONLetsStaffApproveTheNurseryRoomAlone() throws {
        let config = try Self.load()
        #expect(config.couplings(for: "nursery-room").first?.staffApprovalLifts == true)
        #expect(config.couplings(for: "cooking-room").first?.staffApprovalLifts == false)
    }

    @Test func centerJSONGivesEachIssuerItsRenewalPeriod() throws {
        let config = try Self.load()
        #expect(config.registration.for(.ward).renewalWindowDays == 60)
        #expect(config.registration.for(.designatedManager).renewalWindowDays == 60)
        #expect(config.fees.exemptions.contains { $0.code == "assembly_use" && $0.automaticFor == nil })
    }

    @Test func validateReportsLotteryMistakes() throws {
        func round(_ change: (inout LotteryRound) -> Void) throws -> [String] {
            try paths { config in
                guard var round = config.lottery?.rounds[0] else { return }
                change(&round)
                config.lottery?.rounds[0] = round
            }
        }
        #expect(try round { $0.participants.append(.communityGroup) } == ["$.lottery.rounds[0].participants[1]"])
        #expect(try round { $0.participants.append(.freelancer) } == ["$.lottery.rounds[0].participants[1]"])
        #expect(try round { $0.participants.append(.economicGroup) } == ["$.lottery.rounds[0].participants[1]"])
        #expect(try round { $0.facilities.append("large-meeting-room") } == ["$.lottery.rounds[0].facilities"])
        #expect(try round { $0.facilities.append("flexible-desks") }.contains("$.lottery.rounds[0].facilities[3]"))
        #expect(try round { $0.facilities.append("gym") } == ["$.lottery.rounds[0].facilities[3]"])
        #expect(try round { $0.tiers.removeLast() } == ["$.lottery.rounds[0].tiers"])
        #expect(try round { $0.entry.toDay = 10 } == ["$.lottery.rounds[0].draw.day"])
        #expect(try round { $0.firstCome.day = 10; $0.firstCome.time = LocalTime("09:59")! } == ["$.lottery.rounds[0].first_come"])
        #expect(try round { $0.monthsBefore = 0 } == ["$.lottery.rounds[0].participants[0]", "$.lottery.rounds[0].months_before"])
        #expect(try round { $0.maxEntriesPerRegistration = 0 } == ["$.lottery.rounds[0].max_entries_per_registration"])
        let twice = try paths { config in
            guard let first = config.lottery?.rounds.first else { return }
            config.lottery?.rounds.append(first)
        }
        #expect(twice.contains("$.lottery.rounds[3].id"))
        #expect(twice.contains("$.lottery.rounds[3].facilities[0]"))
    }

    @Test func aRoundMayNotMoveItsParticipantsWindow() throws {
        let earlier = try paths { config in
            guard let i = config.lottery?.rounds.firstIndex(where: { $0.participants == [.general] }) else { return }
            config.lottery?.rounds[i].monthsBefore = 6
        }
        #expect(earlier == ["$.lottery.rounds[2].participants[0]"])
        let shared = try paths { config in
            config.lottery?.rounds[0].participants.append(.smallBusiness)
            config.lottery?.rounds.remove(at: 1)
        }
        #expect(shared == ["$.lottery.rounds[0].participants[1]"])
    }

    @Test func validateReportsHourlyRoomMistakes() throws {
        let config = try Self.load()
        let i = index("consultation-room-1", in: config)
        #expect(try paths { $0.facilities[i].opening = nil } == ["$.facilities[\(i)].opening"])
        #expect(try paths { $0.facilities[i].opening?.to = LocalTime("20:30")! } == ["$.facilities[\(i)].opening"])
        #expect(try paths { $0.facilities[i].hourlyFee = nil } == ["$.facilities[\(i)].hourly_fee"])
        let gym = index("gym", in: config)
        #expect(try paths { $0.facilities[gym].hourlyFee = 100 } == ["$.facilities[\(gym)].hourly_fee"])
    }

    @Test func validateReportsWaitingListMistakes() throws {
        #expect(try paths { $0.waitingList?.offerHoldHours = 0 } == ["$.waiting_list.offer_hold_hours"])
        #expect(try paths { $0.waitingList?.maxEntriesPerMonth = 0 } == ["$.waiting_list.max_entries_per_month"])
        #expect(try paths { $0.waitingList?.closesDaysBefore = -1 } == ["$.waiting_list.closes_days_before"])
    }

    @Test func validateReportsAnIssuersRenewalPeriodOutOfRange() throws {
        #expect(try paths { $0.registration.issuers[.ward] = .init(renewalWindowDays: 400) }
            == ["$.registration.issuers.ward.renewal_window_days"])
    }

    @Test func validateReportsMissingCategory() throws {
        #expect(try paths { $0.categories.removeLast() } == ["$.categories"])
    }

    @Test func configurationIgnoresCalendarSection() throws {
        let text = try String(contentsOf: Self.centerJSON, encoding: .utf8)
        #expect(text.contains(#""calendar""#))
        #expect(try Self.load().feeCalculator.rules.roundingUnit == 10)
    }
}
