import CenterDomain
import Foundation
import Roadmap

/// Everything the service reads at start: Config/center.json and the files
/// under schedules/, decoded and validated together.
public struct CenterSettings: Sendable {
    public let center: CenterConfiguration
    public let calendar: CenterCalendar
    public let roadmap: RoadmapSchedule
    /// Backups and personal-data retention (`operations` in center.json).
    public var operations: OperationsSettings

    public init(center: CenterConfiguration, calendar: CenterCalendar, roadmap: RoadmapSchedule,
                operations: OperationsSettings) {
        self.center = center
        self.calendar = calendar
        self.roadmap = roadmap
        self.operations = operations
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

    private struct OperationsSection: Decodable {
        let operations: OperationsSettings
    }

    public static func load(configDirectory: String, schedulesDirectory: String) throws(ConfigFileError) -> CenterSettings {
        let centerPath = configDirectory + "/" + centerFile
        let centerBytes = try read(centerPath)
        let center: CenterConfiguration
        let policy: ClosedDayPolicy
        let operations: OperationsSettings
        do {
            center = try JSONInput.decode(CenterConfiguration.self, from: centerBytes)
            policy = try JSONInput.decode(CalendarSection.self, from: centerBytes).calendar
            operations = try JSONInput.decode(OperationsSection.self, from: centerBytes).operations
        } catch {
            throw ConfigFileError(file: centerPath, problems: [error])
        }
        let problems = (center.validate() + operations.problems()).map { JSONProblem(path: $0.path, message: $0.message) }
        if !problems.isEmpty { throw ConfigFileError(file: centerPath, problems: problems) }

        let roadmapPath = schedulesDirectory + "/" + roadmapFile
        let managersPath = schedulesDirectory + "/" + managersFile
        let roadmapBytes = try read(roadmapPath)
        let managersBytes = try read(managersPath)
        let schedule: RoadmapSchedule
        do {
            schedule = try RoadmapSchedule.decode(roadmapJSON: roadmapBytes, managersJSON: managersBytes,
                                                  facilityIDs: Set(center.facilities.map(\.id.rawValue)))
        } catch {
            throw scheduleError(error, roadmapPath: roadmapPath, managersPath: managersPath)
        }
        return CenterSettings(center: center, calendar: CenterCalendar(policy: policy, works: schedule),
                              roadmap: schedule, operations: operations)
    }

    /// The Roadmap module's messages read `file.json: $.path: problem`; this
    /// puts them in the same shape as every other configuration error.
    private static func scheduleError(_ error: RoadmapError, roadmapPath: String, managersPath: String) -> ConfigFileError {
        var text = Substring(error.message)
        var file = roadmapPath
        for (name, path) in [(roadmapFile, roadmapPath), (managersFile, managersPath)] where text.hasPrefix(name + ": ") {
            file = path
            text = text.dropFirst(name.count + 2)
        }
        let parts = text.split(separator: ":", maxSplits: 1)
        if parts.count == 2, parts[0].hasPrefix("$") {
            return ConfigFileError(file: file, problems: [JSONProblem(path: String(parts[0]), message: parts[1].trimmingCharacters(in: .whitespaces))])
        }
        return ConfigFileError(file: file, problems: [JSONProblem(path: "$", message: String(text))])
    }

    private static func read(_ path: String) throws(ConfigFileError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError(file: path, problems: [JSONProblem(path: "$", message: "the file is missing or unreadable")])
        }
        return Array(data)
    }
}
