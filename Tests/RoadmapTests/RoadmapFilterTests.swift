import Testing
@testable import Roadmap

private let mixed = schedule([
    item("wifi", "2025-06", "2025-09", side: .hard, status: .done, actualStart: "2025-06-01", actualEnd: "2025-09-30"),
    item("network", "2025-12", "2027-03", side: .soft),
    item("layout", "2027-04", "2027-09", step: 2, side: .hard),
])

@Test func filterByFiscalYearMatchesItemsSpanningIt() {
    #expect(mixed.items(matching: RoadmapFilter(fiscalYear: 2026)).map(\.id) == ["network"])
}

@Test func filterByStepStatusAndSideCombine() {
    #expect(mixed.items(matching: RoadmapFilter(step: 1, side: .hard)).map(\.id) == ["wifi"])
    #expect(mixed.items(matching: RoadmapFilter(status: .planned)).map(\.id) == ["network", "layout"])
}

@Test func sectionsGroupByStepThenStartFiscalYear() {
    let sections = mixed.sections(matching: RoadmapFilter())
    #expect(sections.map { "\($0.step)/\($0.fiscalYear)" } == ["1/2025", "2/2027"])
    #expect(sections[0].items.map(\.id) == ["wifi", "network"])
}
