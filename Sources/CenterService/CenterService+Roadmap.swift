import CenterDomain
import Roadmap

extension CenterService {
    /// The roadmap as it stands (the schedule files; planner updates arrive with PATCH).
    public var roadmap: RoadmapSchedule { settings.roadmap }

    /// Today in Japan, on the service's clock.
    public var today: LocalDate { clock.now().japanDate }

    /// `date` as the Roadmap module's date value.
    public func roadmapDate(_ date: LocalDate) -> RoadmapDate { date.roadmapDate }
}
