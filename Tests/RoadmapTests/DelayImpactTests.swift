import Testing
@testable import Roadmap

private let chain = schedule([
    item("design", "2025-06", "2026-03"),
    item("layout", "2027-04", "2027-09", dependsOn: ["design"]),
    item("offices", "2027-10", "2028-03", dependsOn: ["layout"]),
    item("silver", "2028-04", "2028-09", dependsOn: ["offices"]),
    item("wifi", "2025-06", "2025-09"),
])

@Test func dependentsIncludeIndirectOnes() {
    #expect(DelayImpact.dependents(of: "design", in: chain).map(\.id) == ["layout", "offices", "silver"])
    #expect(DelayImpact.dependents(of: "wifi", in: chain).isEmpty)
}

@Test func delayListsOnlyDependentsEndingBeforeTheNewEnd() {
    let affected = DelayImpact.itemsToReplan(ifItem: "layout", endsIn: month("2028-06"), in: chain)
    #expect(affected.map(\.id) == ["offices"])
}
