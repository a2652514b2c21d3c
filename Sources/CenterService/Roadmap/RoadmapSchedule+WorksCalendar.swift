import CalendarValues
import CenterDomain
import Roadmap

/// The roadmap is the center's works calendar: an item's closures close the
/// facilities they list on their days, first and last included
/// (`RoadmapSchedule.closures(closing:on:)`); cancelled items close nothing.
/// A roadmap closure always lists its facilities (the schedule is refused
/// otherwise), so none closes the whole center.
extension RoadmapSchedule: WorksCalendar {
    public func works(closing facility: String?, on date: LocalDate) -> [(itemID: String, facilities: [String])] {
        guard let facility else { return [] }
        return closures(closing: facility, on: date).map { ($0.itemID, $0.closure.facilities) }
    }

    public func closes(_ facility: String?, on date: LocalDate) -> Bool {
        guard let facility else { return false }
        return hasClosure(closing: facility, on: date)
    }
}
