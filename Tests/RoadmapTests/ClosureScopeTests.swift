import Testing
@testable import Roadmap

private let gymWindow = WorksClosure(facilities: ["gym"], from: day("2030-01-04"), to: day("2030-03-31"))

private let works = schedule([
    item("gym-cooling", "2029-10", "2030-03", closures: [gymWindow]),
    item("wifi", "2025-06", "2025-09", status: .done, actualStart: "2025-06-01", actualEnd: "2025-09-30"),
    item("late-works", "2027-04", "2027-06", status: .inProgress, actualStart: "2027-05-10"),
])

private func closing(_ facilities: [String], _ from: String, _ to: String) -> RoadmapUpdate {
    RoadmapUpdate(closures: [WorksClosure(facilities: facilities, from: day(from), to: day(to))])
}

@Test func aClosureInsideTheItemsPlannedMonthsIsAccepted() throws {
    let moved = try works.applying(closing(["gym"], "2029-10-01", "2029-12-28"), toItem: "gym-cooling")
    #expect(moved.closures.first?.from == day("2029-10-01"))
}

@Test func aClosureMayOnlyCloseRoomsInsideTheItemsOwnDates() {
    let error = roadmapError { _ = try works.applying(closing(["gym"], "2027-02-01", "2027-02-10"), toItem: "gym-cooling") }
    #expect(error?.code == .closureOutsideItemDates)
    #expect(error?.message.contains("2029-10-01–2030-03-31") == true)
    let straddling = roadmapError { _ = try works.applying(closing(["gym"], "2030-03-20", "2030-04-05"), toItem: "gym-cooling") }
    #expect(straddling?.code == .closureOutsideItemDates)
}

@Test func movingThePlanWithTheWorksIsAccepted() throws {
    var update = closing(["gym"], "2027-02-01", "2027-02-10")
    update.plannedStart = month("2027-01")
    update.plannedEnd = month("2027-03")
    #expect(try works.applying(update, toItem: "gym-cooling").closures.count == 1)
}

@Test func movingThePlanAwayFromItsClosuresIsRefused() {
    let update = RoadmapUpdate(plannedStart: month("2029-04"), plannedEnd: month("2029-09"))
    #expect(roadmapError { _ = try works.applying(update, toItem: "gym-cooling") }?.code == .closureOutsideItemDates)
}

@Test func aRunningItemMayCloseRoomsFromItsActualStartToItsPlannedEnd() throws {
    #expect(try works.applying(closing(["gym"], "2027-05-10", "2027-06-30"), toItem: "late-works").closures.count == 1)
    #expect(roadmapError { _ = try works.applying(closing(["gym"], "2027-07-01", "2027-07-05"), toItem: "late-works") }?.code
            == .closureOutsideItemDates)
}

@Test func aLateItemsActualDatesExtendWhereItMayClose() throws {
    let update = RoadmapUpdate(actualEnd: .some(day("2027-08-31")),
                               closures: [WorksClosure(facilities: ["gym"], from: day("2027-06-20"), to: day("2027-08-31"))])
    #expect(try works.applying(update, toItem: "late-works").actualEnd == day("2027-08-31"))
}

@Test func aDoneItemCannotCloseMoreRooms() {
    let error = roadmapError { _ = try works.applying(closing(["gym"], "2025-07-01", "2025-07-02"), toItem: "wifi") }
    #expect(error?.code == .itemDone)
}

@Test func markingAnItemDoneCannotAddClosures() {
    var update = closing(["small-gym"], "2030-01-04", "2030-01-10")
    update.status = .done
    update.actualStart = .some(day("2029-10-01"))
    update.actualEnd = .some(day("2030-03-31"))
    #expect(roadmapError { _ = try works.applying(update, toItem: "gym-cooling") }?.code == .itemDone)
}

@Test func aDoneItemMayStillNarrowOrDropItsClosures() throws {
    let done = works.replacing(try works.applying(RoadmapUpdate(status: .done, actualStart: .some(day("2029-10-01")),
                                                                actualEnd: .some(day("2030-03-31"))), toItem: "gym-cooling"))
    #expect(try done.applying(closing(["gym"], "2030-01-04", "2030-01-31"), toItem: "gym-cooling").closures.count == 1)
    #expect(try done.applying(RoadmapUpdate(closures: []), toItem: "gym-cooling").closures.isEmpty)
}

@Test func theShippedScheduleKeepsEveryClosureInsideItsItem() throws {
    let real = try realSchedule()
    for item in real.items {
        let ranges = ClosureScope.allowedRanges(of: item)
        for closure in item.closures {
            #expect(ranges.contains { $0.contains(closure.from) && $0.contains(closure.to) }, "\(item.id) \(closure.from)")
        }
    }
}
