import Testing
@testable import Roadmap

private let stepItems = [
    item("done", "2025-06", "2025-09", status: .done, actualStart: "2025-06-01", actualEnd: "2025-09-30"),
    item("running", "2026-10", "2027-03", status: .inProgress, actualStart: "2026-10-01"),
    item("overdue", "2026-01", "2026-06"),
    item("start-missed", "2026-04", "2026-12"),
    item("later", "2027-01", "2027-03"),
    item("later-still", "2027-02", "2027-03"),
]

@Test func stepStatusCountsEachEffectiveStatus() {
    let status = StepStatus.status(of: 1, items: stepItems, asOf: day("2026-11-25"))
    #expect(status.done == 1)
    #expect(status.inProgress == 1)
    #expect(status.late == 2)
    #expect(status.notStarted == 2)
    #expect(status.lateItemIDs == ["overdue", "start-missed"])
}

@Test func dueNextIsTheEarliestPendingMonth() {
    let status = StepStatus.status(of: 1, items: stepItems, asOf: day("2026-11-25"))
    #expect(status.dueNext == [StepStatus.DueEvent(itemID: "start-missed", kind: .end, month: month("2026-12"))])
}

@Test func dueNextSkipsStartsOfStartedItems() {
    let status = StepStatus.status(of: 1, items: stepItems, asOf: day("2027-01-05"))
    #expect(status.dueNext == [StepStatus.DueEvent(itemID: "later", kind: .start, month: month("2027-01"))])
}

@Test func reportHasOneStatusPerStep() {
    let report = StepStatus.report(for: schedule(stepItems + [item("s2", "2027-04", "2027-09", step: 2)]), asOf: day("2026-11-25"))
    #expect(report.map(\.step) == [1, 2, 3])
    #expect(report[1].notStarted == 1)
    #expect(report[2].dueNext.isEmpty)
}
