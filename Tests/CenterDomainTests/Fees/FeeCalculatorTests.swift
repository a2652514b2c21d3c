import Testing
@testable import CenterDomain

@Suite struct FeeCalculatorTests {
    typealias F = RulesFixtures
    let rules = FeeRules(exemptions: FeeRules.defaultExemptions + [
        .init(code: "ward_sponsored", labelJa: "区後援", labelEn: "Sponsored by the ward", percent: 50),
    ])
    var calculator: FeeCalculator { FeeCalculator(rules: rules, divisions: Division.standard) }
    let room = RulesFixtures.room("meeting-room-1", fees: [.am: 1000, .pm: 1300, .night: 1500])

    func fee(_ divisions: [DivisionID], category: UserCategory = .smallBusiness, admission: Int = 0,
             commercial: Bool = false, outOfWard: Bool = false, exemptions: [String] = [],
             facility: Facility? = nil) throws -> FeeBreakdown {
        try calculator.fee(for: FeeRequest(facility: facility ?? room, divisions: divisions, category: category,
                                           admissionYen: admission, commercial: commercial, outOfWard: outOfWard,
                                           exemptionCodes: exemptions))
    }

    @Test func baseFeePerDivision() throws {
        let breakdown = try fee([.am])
        #expect(breakdown.lines.map(\.amount) == [1000])
        #expect(breakdown.lines.first?.label == "午前")
        #expect(breakdown.total == 1000)
        #expect(breakdown.surcharges.isEmpty)
    }

    @Test func admissionSurchargeAppliesAboveThousandYen() throws {
        #expect(try fee([.am], admission: 1000).total == 1000)
        let breakdown = try fee([.am], admission: 1001)
        #expect(breakdown.total == 1500)
        #expect(breakdown.lines[0].multipliers == ["admission"])
    }

    @Test func commercialUseDoublesFee() throws {
        #expect(try fee([.pm], commercial: true).total == 2600)
    }

    @Test func outOfWardUserPaysTwentyPercentMore() throws {
        #expect(try fee([.pm], outOfWard: true).total == 1560)
    }

    @Test func surchargesMultiply() throws {
        let breakdown = try fee([.am], admission: 2000, commercial: true, outOfWard: true)
        #expect(breakdown.lines[0].multipliers == ["admission", "commercial", "out_of_ward"])
        #expect(breakdown.lines[0].amount == 3600)
        #expect(breakdown.surcharges.map(\.multiplier) == [1.5, 2.0, 1.2])
    }

    @Test func consecutiveDivisionsIncludeGapHourFree() throws {
        let breakdown = try fee([.pm, .am])
        #expect(breakdown.lines.map(\.kind) == ["division", "gap_hours", "division"])
        #expect(breakdown.lines[1].amount == 0)
        #expect(breakdown.lines[1].label == "gap hours free 12:00–13:00")
        #expect(breakdown.gapHoursFree == [.init(from: "12:00", to: "13:00", minutes: 60)])
        #expect(breakdown.total == 2300)
    }

    @Test func wholeDayHasTwoFreeGaps() throws {
        #expect(try fee([.am, .pm, .night]).gapHoursFree.count == 2)
    }

    @Test func nonConsecutiveDivisionsHaveNoGap() throws {
        #expect(try fee([.am, .night]).gapHoursFree.isEmpty)
    }

    @Test func wardUseIsFeeExempt() throws {
        let breakdown = try fee([.am, .pm], category: .ward)
        #expect(breakdown.exemptions.map(\.code) == ["ward_use"])
        #expect(breakdown.exemptions.first?.amount == 2300)
        #expect(breakdown.total == 0)
    }

    @Test func grantedExemptionTakesItsPercentOff() throws {
        let breakdown = try fee([.am, .pm], exemptions: ["ward_sponsored"])
        #expect(breakdown.subtotal == 2300)
        #expect(breakdown.exemptions.first?.amount == 1150)
        #expect(breakdown.total == 1150)
    }

    @Test func largestExemptionWins() throws {
        #expect(try fee([.am], category: .ward, exemptions: ["ward_sponsored"]).total == 0)
    }

    @Test func unknownExemptionRefused() {
        let error = F.refusal { _ = try fee([.am], exemptions: ["friends"]) }
        #expect(error?.code == "exemption_unknown")
    }

    @Test func totalRoundsDownToTenYen() throws {
        let odd = RulesFixtures.room("meeting-room-2", fees: [.am: 1235, .pm: 1300, .night: 1500])
        let breakdown = try fee([.am], outOfWard: true, facility: odd)
        #expect(breakdown.subtotal == 1482)
        #expect(breakdown.rounding == -2)
        #expect(breakdown.total == 1480)
    }

    @Test func divisionNotOfferedRefused() {
        #expect(F.refusal { _ = try fee(["evening"]) }?.code == "division_not_offered")
        #expect(F.refusal { _ = try fee([]) }?.code == "divisions_required")
    }
}
