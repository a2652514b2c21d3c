import CalendarValues
import CenterDomain
import Roadmap

extension CenterService {
    /// The roadmap as it stands: the schedule files plus committed planner updates.
    public var roadmap: RoadmapSchedule { roadmapState.schedule }

    /// The center's calendar, with the works closures of the roadmap as it stands.
    public var calendar: CenterCalendar { roadmapState.calendar }

    /// Today in Japan, on the service's clock.
    public var today: LocalDate { clock.now().japanDate }
}
