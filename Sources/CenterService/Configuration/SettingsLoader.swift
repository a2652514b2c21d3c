import CenterDomain
import Foundation
import Roadmap

/// Everything the service reads at start: Config/center.json and the files
/// under schedules/, decoded and validated together.
public struct CenterSettings: Sendable {
    public let center: CenterConfiguration
    public let calendar: CenterCalendar
    public let roadmap: RoadmapSchedule

    public init(center: CenterConfiguration, calendar: CenterCalendar, roadmap: RoadmapSchedule) {
        self.center = center
        self.calendar = calendar
        self.roadmap = roadmap
    }

    /// One line for `check-config`.
    public var summary: String {
        "\(center.facilities.count) facilities, \(roadmap.items.count) roadmap items, \(roadmap.managers.count) manager terms"
    }
}

/// Reads and validates the configuration; a bad file stops the service with
/// a message naming the file, the JSON path inside it and the problem.
public enum SettingsLoader {
    public static let centerFile = "center.json"
    public static let roadmapFile = "roadmap.json"
    public static let managersFile = "designated-managers.json"

    private struct CalendarSection: Decodable {
        let calendar: ClosedDayPolicy
    }

    public static func load(configDirectory: String, schedulesDirectory: String) throws(ConfigFileError) -> CenterSettings {
        let centerPath = configDirectory + "/" + centerFile
        let centerBytes = try read(centerPath)
        let center: CenterConfiguration
        let policy: ClosedDayPolicy
        do {
            center = try JSONInput.decode(CenterConfiguration.self, from: centerBytes)
            policy = try JSONInput.decode(CalendarSection.self, from: centerBytes).calendar
        } catch {
            throw ConfigFileError(file: centerPath, problems: [error])
        }
        let problems = center.validate().map { JSONProblem(path: $0.path, message: $0.message) }
        if !problems.isEmpty { throw ConfigFileError(file: centerPath, problems: problems) }

        let roadmapPath = schedulesDirectory + "/" + roadmapFile
        let managersPath = schedulesDirectory + "/" + managersFile
        let roadmapBytes = try read(roadmapPath)
        let managersBytes = try read(managersPath)
        let schedule: RoadmapSchedule
        do {
            schedule = try RoadmapSchedule.decode(roadmapJSON: Data(roadmapBytes), managersJSON: Data(managersBytes))
        } catch let error as RoadmapError {
            let file = error.message.contains("manager") ? managersPath : roadmapPath
            throw ConfigFileError(file: file, problems: [JSONProblem(path: "$", message: error.message)])
        } catch {
            throw ConfigFileError(file: roadmapPath, problems: [JSONProblem(path: "$", message: "\(error)")])
        }
        let knownFacilities = Set(center.facilities.map(\.id))
        var closureProblems: [JSONProblem] = []
        for (i, item) in schedule.items.enumerated() {
            for (j, closure) in item.closures.enumerated() {
                for (k, facility) in closure.facilities.enumerated() where !knownFacilities.contains(facility) {
                    closureProblems.append(JSONProblem(path: "$.items[\(i)].closures[\(j)].facilities[\(k)]",
                                                       message: "unknown facility \"\(facility)\" (not in \(centerFile))"))
                }
            }
        }
        if !closureProblems.isEmpty { throw ConfigFileError(file: roadmapPath, problems: closureProblems) }
        return CenterSettings(center: center, calendar: CenterCalendar(policy: policy, works: WorksClosures.from(schedule)),
                              roadmap: schedule)
    }

    private static func read(_ path: String) throws(ConfigFileError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError(file: path, problems: [JSONProblem(path: "$", message: "the file is missing or unreadable")])
        }
        return Array(data)
    }
}
