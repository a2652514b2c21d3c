import Testing
@testable import Roadmap

@Test func realScheduleFilesDecodeAndValidate() throws {
    let real = try realSchedule()
    #expect(real.steps.map(\.number) == [1, 2, 3])
    #expect(real.fiscalYears == 2025...2030)
}

@Test func realScheduleHasEveryItemOfTheReport() throws {
    let titles = try realSchedule().items.map(\.titleJa)
    let fromReport = [
        "試行的実施", "新たな経営者ネットワーク", "中小企業診断士による経営相談", "伴走型中小企業経営支援の開始",
        "産業振興課職員入所", "経済団体事務所整備", "見直し検討", "見直し実施",
        "空間デザイン制作", "モバイルロッカー導入調整", "シルバー人材センター事務所整備",
        "Wi-Fi", "モバイルロッカー整備", "経営者交流スペース", "北側庭", "駐車場拡張", "南側庭",
        "水回り", "レイアウト・動線変更", "会議室、多目的スペース工事", "会議室工事",
        "イベント用品・機材保管場所", "経営相談スペース", "体育室の冷房整備", "什器入れ替え", "照明の改善",
    ]
    for fragment in fromReport {
        #expect(titles.contains { $0.contains(fragment) }, "missing \(fragment)")
    }
    #expect(titles.count == 26)
}

@Test func realScheduleStatesTheReportsOwnDates() throws {
    let real = try realSchedule()
    #expect(real.item("wifi")?.plannedStart == month("2025-06"))
    #expect(real.item("spatial-design")?.plannedStart == month("2025-06"))
    #expect(real.item("trial-accompanied-consultation")?.plannedStart == month("2025-11"))
    #expect(real.item("accompanied-support-launch")?.plannedStart == month("2026-07"))
    #expect(real.item("accompanied-support-launch")?.dateSource == .stated)
}

@Test func realScheduleMarksEveryInferenceWithANote() throws {
    let real = try realSchedule()
    for item in real.items {
        if item.dateSource == .inferred { #expect(!item.dateNote.isEmpty, "\(item.id)") }
        if item.statusSource == .inferred { #expect(!item.statusNote.isEmpty, "\(item.id)") }
        for closure in item.closures { #expect(closure.dateSource == .inferred && !closure.note.isEmpty) }
    }
    for term in real.managers { #expect(!term.source.isEmpty) }
}

@Test func realScheduleClosesTheGymForItsCooling() throws {
    let real = try realSchedule()
    let hits = real.closures(on: day("2030-02-01"))
    #expect(hits.contains(ClosureHit(itemID: "gym-cooling", facility: "gym", from: day("2030-01-04"), to: day("2030-03-31"))))
}

@Test func realScheduleStatusOnTheDayOfWriting() throws {
    let report = StepStatus.report(for: try realSchedule(), asOf: day("2026-11-25"))
    #expect(report[0].done == 3)
    #expect(report[1].done == 0 && report[1].notStarted == 11)
}
