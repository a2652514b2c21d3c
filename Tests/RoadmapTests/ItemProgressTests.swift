import Testing
@testable import Roadmap

@Test func plannedItemBeforeItsStartIsNotStarted() {
    #expect(item("a", "2027-04", "2027-09").status(asOf: day("2027-03-31")) == .notStarted)
}

@Test func plannedItemWithinItsStartMonthIsNotYetLate() {
    #expect(item("a", "2027-04", "2027-09").status(asOf: day("2027-04-30")) == .notStarted)
}

@Test func plannedItemNotStartedAfterItsStartMonthIsLateStart() {
    #expect(item("a", "2027-04", "2027-09").status(asOf: day("2027-05-01")) == .lateStart)
}

@Test func startedItemWithinPlanIsInProgress() {
    let started = item("a", "2027-04", "2027-09", status: .inProgress, actualStart: "2027-04-10")
    #expect(started.status(asOf: day("2027-06-01")) == .inProgress)
}

@Test func itemNotDoneAfterItsEndMonthIsLate() {
    let started = item("a", "2027-04", "2027-09", status: .inProgress, actualStart: "2027-04-10")
    #expect(started.status(asOf: day("2027-09-30")) == .inProgress)
    #expect(started.status(asOf: day("2027-10-01")) == .late)
}

@Test func plannedItemNeverStartedIsLateAfterItsEnd() {
    #expect(item("a", "2027-04", "2027-09").status(asOf: day("2028-01-01")) == .late)
}

@Test func doneItemIsDoneAfterItsPlannedEnd() {
    let done = item("a", "2027-04", "2027-09", status: .done, actualStart: "2027-04-01", actualEnd: "2027-11-15")
    #expect(done.status(asOf: day("2028-01-01")) == .done)
}

@Test func doneItemIsInProgressBeforeItsActualEnd() {
    let done = item("a", "2027-04", "2027-09", status: .done, actualStart: "2027-04-01", actualEnd: "2027-08-15")
    #expect(done.status(asOf: day("2027-08-14")) == .inProgress)
    #expect(done.status(asOf: day("2027-08-15")) == .done)
}

@Test func itemIsNotStartedBeforeItsActualStart() {
    let started = item("a", "2027-04", "2027-09", status: .inProgress, actualStart: "2027-04-20")
    #expect(started.status(asOf: day("2027-04-19")) == .notStarted)
}

@Test func declaredDelayIsLateWithinPlan() {
    let delayed = item("a", "2027-04", "2027-09", status: .delayed, actualStart: "2027-04-01")
    #expect(delayed.status(asOf: day("2027-05-01")) == .delayed)
    #expect(delayed.status(asOf: day("2027-05-01")).isLate)
}

@Test func cancelledItemIsNeverLate() {
    #expect(item("a", "2025-04", "2025-09", status: .cancelled).status(asOf: day("2030-01-01")) == .cancelled)
}
