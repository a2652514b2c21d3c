import Testing
@testable import Roadmap

private func problems(_ items: [RoadmapItem], managers: [ManagerTerm] = managerTerms) -> [String] {
    schedule(items, managers: managers).validationProblems(facilityIDs: catalogueFacilities)
}

@Test func unknownDependencyNamesItsPath() {
    let found = problems([item("a", "2025-06", "2025-09"), item("b", "2025-06", "2025-09", dependsOn: ["a", "wifi"])])
    #expect(found == [#"roadmap.json: $.items[1].depends_on[1]: unknown item "wifi""#])
}

@Test func dependencyCycleIsReported() {
    let found = problems([item("a", "2025-06", "2025-09", dependsOn: ["b"]), item("b", "2025-06", "2025-09", dependsOn: ["a"])])
    #expect(found == ["roadmap.json: $.items[0].depends_on: dependency cycle a → b → a"])
}

@Test func invertedClosureWindowNamesItsPath() {
    let closure = WorksClosure(facilities: ["gym"], from: day("2030-03-31"), to: day("2030-01-04"))
    let found = problems([item("gym-cooling", "2029-10", "2030-03", closures: [closure])])
    #expect(found == ["roadmap.json: $.items[0].closures[0].to: 2030-01-04 before from 2030-03-31"])
}

@Test func plannedEndBeforeStartNamesItsPath() {
    #expect(problems([item("a", "2026-06", "2026-01")]) == ["roadmap.json: $.items[0].planned_end: 2026-01 before planned_start 2026-06"])
}

@Test func duplicateIdNamesTheFirst() {
    #expect(problems([item("a", "2025-06", "2025-09"), item("a", "2025-06", "2025-09")])
        == [#"roadmap.json: $.items[1].id: duplicate id "a" (first at $.items[0])"#])
}

@Test func stepOutsideOneToThreeIsRefused() {
    #expect(problems([item("a", "2025-06", "2025-09", step: 4)]) == ["roadmap.json: $.items[0].step: 4 is not in 1...3"])
}

@Test func unknownFacilityIsRefused() {
    let closure = WorksClosure(facilities: ["hall"], from: day("2025-07-01"), to: day("2025-07-31"))
    #expect(problems([item("a", "2025-06", "2025-09", closures: [closure])])
        == [#"roadmap.json: $.items[0].closures[0].facilities[0]: unknown facility "hall""#])
}

@Test func doneItemWithUnfinishedDependencyIsRefused() {
    let found = problems([item("a", "2025-06", "2025-09"),
                          item("b", "2025-06", "2025-09", status: .done, dependsOn: ["a"], actualStart: "2025-06-01", actualEnd: "2025-09-30")])
    #expect(found == [#"roadmap.json: $.items[1].status: done, but dependency "a" is planned"#])
}

@Test func overlappingManagerTermsAreRefused() {
    var terms = managerTerms
    terms[3].start = day("2030-03-31")
    #expect(problems([], managers: terms)
        == [#"designated-managers.json: $.terms[3].start: 2030-03-31 overlaps term "term-fy2025" ending 2030-03-31"#])
}

@Test func gapBetweenManagerTermsIsRefused() {
    var terms = managerTerms
    terms[3].start = day("2030-04-02")
    #expect(problems([], managers: terms) == [#"designated-managers.json: $.terms[3].start: gap after term "term-fy2025" ending 2030-03-31"#])
}

@Test func validateThrowsInvalidSchedule() {
    let error = roadmapError { try schedule([item("a", "2026-06", "2026-01")]).validate() }
    #expect(error?.code == .invalidSchedule)
}

@Test func decodingErrorNamesTheFileAndPath() {
    let roadmap = #"{"source": "", "notes": [], "steps": [], "items": [{"id": "a", "title_ja": "ア", "title_en": "A", "step": 1, "side": "hard", "planned_start": "2025-13"}]}"#
    let error = roadmapError {
        _ = try RoadmapSchedule.decode(roadmapJSON: Array(roadmap.utf8), managersJSON: Array(#"{"source": "", "notes": [], "terms": []}"#.utf8))
    }
    #expect(error?.code == .invalidSchedule)
    #expect(error?.message.hasPrefix("roadmap.json: $.items[0].planned_start: expected a month YYYY-MM") == true)
}

@Test func missingKeyNamesItsPath() {
    let managers = #"{"source": "", "notes": [], "terms": [{"id": "t"}]}"#
    let roadmap = #"{"source": "", "notes": [], "steps": [], "items": []}"#
    let error = roadmapError {
        _ = try RoadmapSchedule.decode(roadmapJSON: Array(roadmap.utf8), managersJSON: Array(managers.utf8))
    }
    #expect(error?.message.hasPrefix("designated-managers.json: $.terms[0].") == true)
    #expect(error?.message.hasSuffix(": missing") == true)
}

@Test func unknownEnumValueNamesTheAllowedOnes() {
    let roadmap = #"{"source": "", "notes": [], "steps": [], "items": [{"id": "a", "title_ja": "ア", "title_en": "A", "step": 1, "side": "top"}]}"#
    let error = roadmapError {
        _ = try RoadmapSchedule.decode(roadmapJSON: Array(roadmap.utf8), managersJSON: Array(#"{"source": "", "notes": [], "terms": []}"#.utf8))
    }
    #expect(error?.message == #"roadmap.json: $.items[0].side: unknown value "top" (expected hard, soft, both)"#)
}
