import CenterDomain
import Roadmap

/// The roadmap's works closures as calendar closures, so works close rooms
/// (`facility_closed` with the item id as the reason). Cancelled items close
/// nothing.
///
/// Two `WorksClosure` types exist on purpose: `Roadmap.WorksClosure` is the
/// planner's record of a window (its facilities, days, where the dates came
/// from and a note), written in the schedule files and `PATCH
/// /roadmap/items/{id}`; `CenterDomain.WorksClosure` is what the center's
/// calendar closes (the days, the facilities and the item that causes them).
/// CenterDomain and Roadmap do not import each other, so the conversion is
/// here, the one module that sees both.
enum WorksClosures {
    static func from(_ schedule: RoadmapSchedule) -> [CenterDomain.WorksClosure] {
        schedule.items.filter { $0.status != .cancelled }.flatMap { item in
            item.closures.map { closure in
                CenterDomain.WorksClosure(itemID: item.id, from: closure.from, to: closure.to,
                                          facilities: closure.facilities)
            }
        }
    }
}
