import CalendarValues
import CenterDomain
import Roadmap

/// Joins the Roadmap module's values to the domain's: the two modules do not
/// import each other (ARCHITECTURE.md), so conversions live here.
extension LocalDate {
    /// The same day as the roadmap's date value.
    var roadmapDate: RoadmapDate { RoadmapDate(year: year, month: month, day: day)! }
}

extension RoadmapDate {
    /// The same day as the domain's date value.
    var localDate: LocalDate { LocalDate(year: year, month: month, day: day)! }
}

/// The roadmap's works closures as calendar closures, so works close rooms
/// (`facility_closed` with the item id as the reason).
enum WorksClosures {
    static func from(_ schedule: RoadmapSchedule) -> [CenterDomain.WorksClosure] {
        schedule.items.filter { $0.status != .cancelled }.flatMap { item in
            item.closures.map { closure in
                CenterDomain.WorksClosure(itemID: item.id, from: closure.from.localDate, to: closure.to.localDate,
                                          facilities: closure.facilities)
            }
        }
    }
}
