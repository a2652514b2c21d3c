import CenterDomain
import JSON
import Roadmap
internal import Store

extension RenovationRoadmap {
    /// Applies the planners' committed item updates over the schedule files.
    /// A stored item that no longer fits the files (an unknown id, a broken
    /// dependency) stops the service with a message, like a bad file would.
    public func restoreUpdates() async throws {
        let rows = try await pool.read { db in
            try db.query("SELECT id, item FROM roadmap_items ORDER BY id").map { row -> (String, String) in
                (try row.get("id"), try row.get("item"))
            }
        }
        var schedule = settings.roadmap
        for (id, text) in rows {
            let item: RoadmapItem
            do {
                item = try JSONCodec.decodeStored(RoadmapItem.self, from: text)
            } catch {
                throw RoadmapError(.invalidSchedule, "stored update of roadmap item \"\(id)\" cannot be read: \(error)")
            }
            guard schedule.item(id) != nil else {
                throw RoadmapError(.invalidSchedule, "stored update of roadmap item \"\(id)\": no such item in the schedule files")
            }
            schedule = schedule.replacing(item)
        }
        try schedule.validate(facilityIDs: Set(settings.center.facilities.map(\.id.rawValue)))
        context.roadmapState.set(schedule)
    }
}
