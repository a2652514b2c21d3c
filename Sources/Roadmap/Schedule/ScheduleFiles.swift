/// The top-level shape of `schedules/roadmap.json`.
struct RoadmapFile: Codable, Sendable {
    var source: String
    var notes: [String]
    var steps: [RoadmapStep]
    var items: [RoadmapItem]
}

/// The top-level shape of `schedules/designated-managers.json`.
struct ManagersFile: Codable, Sendable {
    var source: String
    var notes: [String]
    var terms: [ManagerTerm]
}

/// Builds JSON paths in the `$.items[3].depends_on[0]` form used by every
/// schedule error message.
enum JSONPath {
    static func render(_ path: [any CodingKey]) -> String {
        var text = "$"
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += "." + key.stringValue
            }
        }
        return text
    }
}
