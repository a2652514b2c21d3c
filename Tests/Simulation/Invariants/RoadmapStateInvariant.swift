/// The roadmap the service holds in memory (whose works close rooms to new
/// bookings) is the roadmap the database holds: after a planner's change,
/// one whose commit failed, and a restart alike.
final class RoadmapStateInvariant: Invariant {
    let name = "roadmap.memory_matches_database"

    func check(_ c: StepCheck) throws -> [String] {
        let held = c.center.service.roadmap.schedule, stored = c.calendar.schedule
        guard held != stored else { return [] }
        let differing = held.items.filter { stored.item($0.id) != $0 }.map(\.id)
        return ["the service holds roadmap items \(differing.joined(separator: ", ")) otherwise than the database"]
    }
}
