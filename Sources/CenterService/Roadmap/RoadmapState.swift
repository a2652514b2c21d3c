import CenterDomain
import Roadmap
import Synchronization

/// The roadmap as it stands now (the schedule files plus the planners'
/// committed updates) and the calendar it implies: works closures close
/// rooms. Both change together, atomically, when a planner update commits.
final class RoadmapState: Sendable {
    private struct Snapshot: Sendable {
        var schedule: RoadmapSchedule
        var calendar: CenterCalendar
    }

    private let policy: ClosedDayPolicy
    private let snapshot: Mutex<Snapshot>

    init(schedule: RoadmapSchedule, policy: ClosedDayPolicy) {
        self.policy = policy
        snapshot = Mutex(Snapshot(schedule: schedule, calendar: CenterCalendar(policy: policy, works: schedule)))
    }

    var schedule: RoadmapSchedule { snapshot.withLock { $0.schedule } }
    var calendar: CenterCalendar { snapshot.withLock { $0.calendar } }

    /// Replaces the schedule and rebuilds the calendar's works closures.
    func set(_ schedule: RoadmapSchedule) {
        let calendar = CenterCalendar(policy: policy, works: schedule)
        snapshot.withLock { $0 = Snapshot(schedule: schedule, calendar: calendar) }
    }
}
