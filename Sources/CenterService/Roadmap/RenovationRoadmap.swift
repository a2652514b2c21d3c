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
