import CenterDomain
import Foundation
import CalendarValues

/// The service's own housekeeping (`operations` in Config/center.json): the
/// daily backup and how long personal data is kept. Validated at load with
/// the rest of the file.
public struct OperationsSettings: Sendable, Hashable, Decodable {
    /// The daily backup the service takes itself (see docs/OPERATIONS.md).
    public struct Backup: Sendable, Hashable, Decodable {
        /// The time of day, in Japan, to take it.
        public var time: LocalTime
        /// Where backups go; a relative folder is taken beside the database
        /// (`backups` → `data/backups`).
        public var folder: String
        /// How many backups to keep; the oldest beyond it are deleted.
        public var keep: Int

        public init(time: LocalTime, folder: String, keep: Int) {
            self.time = time
            self.folder = folder
            self.keep = keep
        }

        /// The folder for the database at `databasePath`.
        public func folder(besideDatabase databasePath: String) -> String {
            if folder.hasPrefix("/") { return folder }
            let directory = databasePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return (directory.isEmpty ? "" : directory + "/") + folder
        }
    }

    public var backup: Backup
    public var personalData: PersonalDataRetention

    public init(backup: Backup, personalData: PersonalDataRetention) {
        self.backup = backup
        self.personalData = personalData
    }

    enum CodingKeys: String, CodingKey {
        case backup, personalData = "personal_data"
    }

    /// Problems with the settings, by JSON path.
    public func problems() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if backup.time.minuteOfDay >= 1440 {
            problems.append(ConfigProblem(path: "$.operations.backup.time", message: "must be a time of day 00:00 to 23:59"))
        }
        if backup.folder.trimmingCharacters(in: .whitespaces).isEmpty || backup.folder.contains("\0") {
            problems.append(ConfigProblem(path: "$.operations.backup.folder", message: "must name a folder"))
        }
        if !(1...366).contains(backup.keep) {
            problems.append(ConfigProblem(path: "$.operations.backup.keep", message: "must keep 1 to 366 backups"))
        }
        return problems + personalData.problems(at: "$.operations.personal_data")
    }
}
