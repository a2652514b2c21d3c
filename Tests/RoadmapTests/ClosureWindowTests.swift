import Testing
@testable import Roadmap

private let works = schedule([
    item("gym-cooling", "2029-10", "2030-03",
         closures: [WorksClosure(facilities: ["gym"], from: day("2030-01-04"), to: day("2030-03-31"))]),
    item("meeting-works", "2028-07", "2028-12",
         closures: [WorksClosure(facilities: ["meeting-room-1", "meeting-room-2"], from: day("2028-10-01"), to: day("2028-12-28"))]),
    item("dropped", "2029-10", "2030-03", status: .cancelled,
         closures: [WorksClosure(facilities: ["small-gym"], from: day("2030-01-04"), to: day("2030-03-31"))]),
])

@Test func closureIncludesItsFirstDay() {
    #expect(works.closures(on: day("2030-01-04")).map(\.facility) == ["gym"])
    #expect(works.closures(on: day("2030-01-03")).isEmpty)
}

@Test func closureIncludesItsLastDay() {
    #expect(works.closures(on: day("2030-03-31")).map(\.itemID) == ["gym-cooling"])
    #expect(works.closures(on: day("2030-04-01")).isEmpty)
}

@Test func closureNamesEveryFacilityItCloses() {
    let hits = works.closures(on: day("2028-11-01"))
    #expect(hits.map(\.facility) == ["meeting-room-1", "meeting-room-2"])
    #expect(hits.allSatisfy { $0.itemID == "meeting-works" })
}

@Test func closuresOverlappingAWindowTouchingOneEndAreFound() {
    #expect(works.closures(overlapping: day("2028-12-28"), to: day("2030-01-04")).count == 3)
    #expect(works.closures(overlapping: day("2028-12-29"), to: day("2030-01-03")).isEmpty)
}

@Test func cancelledItemsCloseNothing() {
    #expect(!works.closures(on: day("2030-02-01")).contains { $0.facility == "small-gym" })
}

@Test func aFacilityIsClosedByTheWindowsThatListItOnTheirDays() {
    let closing = works.closures(closing: "meeting-room-2", on: day("2028-12-28"))
    #expect(closing.map(\.itemID) == ["meeting-works"])
    #expect(closing.first?.closure.facilities == ["meeting-room-1", "meeting-room-2"])
    #expect(works.closures(closing: "meeting-room-2", on: day("2028-12-29")).isEmpty)
    #expect(works.closures(closing: "gym", on: day("2028-11-01")).isEmpty)
    #expect(works.closures(closing: "small-gym", on: day("2030-02-01")).isEmpty)
}
