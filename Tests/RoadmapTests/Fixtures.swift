import CalendarValues
import Foundation
@testable import Roadmap

/// A date from `YYYY-MM-DD`, for tests.
func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// A month from `YYYY-MM`, for tests.
func month(_ text: String) -> YearMonth { YearMonth(text)! }

/// The facility ids of the catalogue, which closures must use.
let catalogueFacilities: Set<String> = [
    "multipurpose-hall", "gym", "small-gym", "special-meeting-room", "large-meeting-room",
    "meeting-room-1", "meeting-room-2", "japanese-room", "creative-room", "cooking-room",
    "event-corner", "nursery-room", "flexible-desks", "lockers", "storage",
]

/// A small item with a plan and nothing else.
func item(_ id: String, _ start: String, _ end: String, step: Int = 1, side: ItemSide = .hard,
          status: ItemStatus = .planned, dependsOn: [String] = [],
          actualStart: String? = nil, actualEnd: String? = nil, closures: [WorksClosure] = []) -> RoadmapItem {
    RoadmapItem(id: id, titleJa: "項目 \(id)", titleEn: "Item \(id)", step: step, side: side,
                plannedStart: month(start), plannedEnd: month(end),
                actualStart: actualStart.map(day), actualEnd: actualEnd.map(day),
                status: status, dependsOn: dependsOn, closures: closures)
}

let threeSteps = [
    RoadmapStep(number: 1, firstFiscalYear: 2025, lastFiscalYear: 2026),
    RoadmapStep(number: 2, firstFiscalYear: 2027, lastFiscalYear: 2028),
    RoadmapStep(number: 3, firstFiscalYear: 2029, lastFiscalYear: 2030),
]

let managerTerms = [
    ManagerTerm(id: "term-2", operatorJa: "ハートフルサポート共同事業体", label: "第2期指定管理者",
                start: day("2017-04-01"), end: day("2022-03-31"), source: "test"),
    ManagerTerm(id: "term-3", label: "第3期指定管理者", start: day("2022-04-01"), end: day("2025-03-31"),
                dateSource: .inferred, source: "test"),
    ManagerTerm(id: "term-fy2025", label: "指定管理者❶〜❺", start: day("2025-04-01"), end: day("2030-03-31"), source: "test"),
    ManagerTerm(id: "term-fy2030", label: "新・指定管理者❶", start: day("2030-04-01"), end: day("2035-03-31"),
                dateSource: .inferred, source: "test"),
]

func schedule(_ items: [RoadmapItem], managers: [ManagerTerm] = managerTerms) -> RoadmapSchedule {
    RoadmapSchedule(steps: threeSteps, items: items, managers: managers)
}

/// The repository's `schedules/` directory, found from this file's path.
func schedulesFile(_ name: String) throws -> Data {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try Data(contentsOf: root.appendingPathComponent("schedules").appendingPathComponent(name))
}

/// The real schedule, decoded and validated against the catalogue.
func realSchedule() throws -> RoadmapSchedule {
    try RoadmapSchedule.decode(roadmapJSON: schedulesFile("roadmap.json"),
                               managersJSON: schedulesFile("designated-managers.json"),
                               facilityIDs: catalogueFacilities)
}

/// The message of the `RoadmapError` a call throws, or nil.
func roadmapError(_ body: () throws -> Void) -> RoadmapError? {
    do {
        try body()
        return nil
    } catch let error as RoadmapError {
        return error
    } catch {
        return nil
    }
}
