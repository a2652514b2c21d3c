import CalendarValues
import CenterDomain
import Roadmap

/// The renovation roadmap (改修ロードマップ, STEP 1–3) as it stands: the
/// schedule files plus the planners' committed updates, which move works
/// closures and so close rooms.
public struct RenovationRoadmap: AreaService {
    let context: ServiceContext

    /// The roadmap as it stands: the schedule files plus committed planner updates.
    public var schedule: RoadmapSchedule { context.roadmapState.schedule }
}

/// No roadmap item has the id.
public enum RoadmapItemLookupCode: String, ErrorCode {
    case unknownItem = "unknown_item"
}

/// No designated-manager term covers the date.
public enum ManagerLookupCode: String, ErrorCode {
    case noManager = "no_manager"
}

extension RenovationRoadmap {
    /// Roadmap item `id` as it stands, or `unknown_item`.
    public func item(_ id: String) throws(Refusal<RoadmapItemLookupCode>) -> RoadmapItem {
        guard let item = schedule.item(id) else {
            throw Refusal(.unknownItem, "no roadmap item has id \(TextRule.echo(id))")
        }
        return item
    }

    /// The designated manager (指定管理者) in charge on `date`, or `no_manager`.
    public func manager(on date: LocalDate) throws(Refusal<ManagerLookupCode>) -> ManagerTerm {
        guard let term = schedule.manager(on: date) else {
            throw Refusal(.noManager, "no designated-manager term covers \(date)")
        }
        return term
    }
}
