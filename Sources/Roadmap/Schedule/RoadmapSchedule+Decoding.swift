import Foundation

/// Reading the two schedule files. Foundation is used here only, for
/// `JSONDecoder`; its errors are turned into `invalid_schedule` messages
/// naming the file and the JSON path.
extension RoadmapSchedule {
    /// Decodes and validates `roadmap.json` and `designated-managers.json`.
    /// `facilityIDs`, when given, is the catalogue every closure must use.
    public static func decode(roadmapJSON: Data, managersJSON: Data,
                              facilityIDs: Set<String>? = nil) throws(RoadmapError) -> RoadmapSchedule {
        let roadmap: RoadmapFile = try decodeFile(roadmapJSON, name: "roadmap.json")
        let managers: ManagersFile = try decodeFile(managersJSON, name: "designated-managers.json")
        let schedule = RoadmapSchedule(steps: roadmap.steps, items: roadmap.items, managers: managers.terms)
        try schedule.validate(facilityIDs: facilityIDs)
        return schedule
    }

    /// The same as `decode(roadmapJSON:managersJSON:facilityIDs:)` over bytes.
    public static func decode(roadmapJSON: [UInt8], managersJSON: [UInt8],
                              facilityIDs: Set<String>? = nil) throws(RoadmapError) -> RoadmapSchedule {
        try decode(roadmapJSON: Data(roadmapJSON), managersJSON: Data(managersJSON), facilityIDs: facilityIDs)
    }

    private static func decodeFile<T: Decodable>(_ data: Data, name: String) throws(RoadmapError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RoadmapError(.invalidSchedule, name + ": " + describe(error))
        } catch {
            throw RoadmapError(.invalidSchedule, name + ": $: " + String(describing: error))
        }
    }

    /// `$.items[3].planned_start: expected a month YYYY-MM, got "2025-13"`.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return JSONPath.render(context.codingPath + [key]) + ": missing"
        case .valueNotFound(let type, let context):
            return JSONPath.render(context.codingPath) + ": expected \(typeName(type)), found null"
        case .typeMismatch(let type, let context):
            return JSONPath.render(context.codingPath) + ": expected \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "$: not valid JSON"
            }
            return JSONPath.render(context.codingPath) + ": " + context.debugDescription
        @unknown default:
            return "$: " + String(describing: error)
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "a boolean"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object or value of \(type)"
        }
    }
}
