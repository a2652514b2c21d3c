import Testing
@testable import Roadmap

private let base = schedule([
    item("layout", "2027-04", "2027-09", status: .inProgress, actualStart: "2027-04-01"),
    item("offices", "2027-10", "2028-03", dependsOn: ["layout"]),
])

@Test func finishingBeforeADependencyIsDoneIsRefused() {
    let update = RoadmapUpdate(status: .done, actualStart: .some(day("2027-10-01")), actualEnd: .some(day("2028-03-01")))
    let error = roadmapError { _ = try base.applying(update, toItem: "offices") }
    #expect(error?.code == .dependencyNotDone)
}

@Test func finishingAfterTheDependencyFinishedIsAccepted() throws {
    let layoutDone = try base.applying(RoadmapUpdate(status: .done, actualEnd: .some(day("2027-09-30"))), toItem: "layout")
    let next = base.replacing(layoutDone)
    let offices = try next.applying(RoadmapUpdate(status: .done, actualStart: .some(day("2027-10-01")),
                                                  actualEnd: .some(day("2028-03-01"))), toItem: "offices")
    #expect(offices.status == .done)
}

@Test func endingBeforeTheDependencyEndedIsRefused() throws {
    let layoutDone = try base.applying(RoadmapUpdate(status: .done, actualEnd: .some(day("2027-09-30"))), toItem: "layout")
    let next = base.replacing(layoutDone)
    let update = RoadmapUpdate(status: .done, actualStart: .some(day("2027-06-01")), actualEnd: .some(day("2027-09-29")))
    #expect(roadmapError { _ = try next.applying(update, toItem: "offices") }?.code == .dependencyNotDone)
}

@Test func undoingADependencyOfADoneItemIsRefused() throws {
    let layoutDone = try base.applying(RoadmapUpdate(status: .done, actualEnd: .some(day("2027-09-30"))), toItem: "layout")
    var next = base.replacing(layoutDone)
    next = next.replacing(try next.applying(RoadmapUpdate(status: .done, actualStart: .some(day("2027-10-01")),
                                                          actualEnd: .some(day("2028-03-01"))), toItem: "offices"))
    let reopen = RoadmapUpdate(status: .inProgress, actualEnd: .some(nil))
    #expect(roadmapError { _ = try next.applying(reopen, toItem: "layout") }?.code == .dependencyNotDone)
}

@Test func cancelledDependencyDoesNotBlock() throws {
    let cancelled = base.replacing(try base.applying(RoadmapUpdate(status: .cancelled), toItem: "layout"))
    let offices = try cancelled.applying(RoadmapUpdate(status: .done, actualStart: .some(day("2027-10-01")),
                                                       actualEnd: .some(day("2028-03-01"))), toItem: "offices")
    #expect(offices.status == .done)
}

@Test func plannedEndBeforeADependencyPlannedEndIsInvalidDates() {
    let update = RoadmapUpdate(plannedStart: month("2027-05"), plannedEnd: month("2027-08"))
    #expect(roadmapError { _ = try base.applying(update, toItem: "offices") }?.code == .invalidDates)
}

@Test func movingADependencyPastItsDependentIsInvalidDates() {
    let update = RoadmapUpdate(plannedEnd: month("2028-06"))
    #expect(roadmapError { _ = try base.applying(update, toItem: "layout") }?.code == .invalidDates)
}

@Test func plannedEndBeforePlannedStartIsInvalidDates() {
    let update = RoadmapUpdate(plannedStart: month("2028-04"), plannedEnd: month("2028-03"))
    #expect(roadmapError { _ = try base.applying(update, toItem: "offices") }?.code == .invalidDates)
}

@Test func doneWithoutActualEndIsInvalidDates() {
    #expect(roadmapError { _ = try base.applying(RoadmapUpdate(status: .done), toItem: "layout") }?.code == .invalidDates)
}

@Test func invertedClosureInAnUpdateIsInvalidDates() {
    let closure = WorksClosure(facilities: ["gym"], from: day("2027-08-01"), to: day("2027-07-01"))
    let error = roadmapError { _ = try base.applying(RoadmapUpdate(closures: [closure]), toItem: "layout") }
    #expect(error?.code == .invalidDates)
    #expect(error?.message.contains("closures[0].to") == true)
}

@Test func updatingAnUnknownItemIsRefused() {
    #expect(roadmapError { _ = try base.applying(RoadmapUpdate(status: .done), toItem: "wifi") }?.code == .unknownItem)
}

@Test func updateDecodesNullAsClearingAnActualDate() throws {
    let json = Array(#"{"status": "in_progress", "actual_end": null, "planned_end": "2027-12"}"#.utf8)
    let update = try JSONDecoderShim.decode(RoadmapUpdate.self, json)
    #expect(update.status == .inProgress)
    #expect(update.actualEnd == .some(nil))
    #expect(update.actualStart == nil)
    #expect(update.plannedEnd == month("2027-12"))
}

@Test func plannerStatusReplacesAnInferredOne() throws {
    var inferred = item("wifi", "2025-06", "2025-09", status: .inProgress, actualStart: "2025-06-01")
    inferred.statusSource = .inferred
    inferred.statusNote = "our reading"
    let done = try schedule([inferred]).applying(RoadmapUpdate(status: .done, actualEnd: .some(day("2025-09-30"))), toItem: "wifi")
    #expect(done.statusSource == .stated)
    #expect(done.statusNote.isEmpty)
}

@Test func updateClosureNeedsOnlyFacilitiesAndDays() throws {
    let json = Array(#"{"closures": [{"facilities": ["gym"], "from": "2030-01-04", "to": "2030-03-31"}]}"#.utf8)
    let update = try JSONDecoderShim.decode(RoadmapUpdate.self, json)
    #expect(update.closures == [WorksClosure(facilities: ["gym"], from: day("2030-01-04"), to: day("2030-03-31"), dateSource: .stated)])
}
