import CenterDomain
import Foundation
import Testing
@testable import CenterService
import CalendarValues

/// A bad configuration or schedule file stops the service with the file,
/// the JSON path inside it and the problem.
struct SettingsLoaderTests {
    static var repository: String { BookingFixture.repository }

    /// A copy of Config/ and schedules/ with one file's text edited.
    func copy(editing file: String, _ edit: (String) -> String) throws -> (config: String, schedules: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        try manager.copyItem(atPath: Self.repository + "/Config", toPath: root + "/Config")
        try manager.copyItem(atPath: Self.repository + "/schedules", toPath: root + "/schedules")
        let path = root + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return (root + "/Config", root + "/schedules")
    }

    func loadError(_ dirs: (config: String, schedules: String)) -> ConfigFileError? {
        do {
            _ = try SettingsLoader.load(configDirectory: dirs.config, schedulesDirectory: dirs.schedules)
            return nil
        } catch {
            return error
        }
    }

    @Test func theRepositoryConfigurationLoads() throws {
        let settings = try SettingsLoader.load(configDirectory: Self.repository + "/Config",
                                               schedulesDirectory: Self.repository + "/schedules")
        #expect(!settings.center.facilities.isEmpty)
        #expect(!settings.roadmap.items.isEmpty)
    }

    @Test func wrongTypeInCenterFileNamesFileAndPath() throws {
        let dirs = try copy(editing: "Config/center.json") {
            $0.replacingOccurrences(of: #""capacity": 200"#, with: #""capacity": "two hundred""#)
        }
        let error = try #require(loadError(dirs))
        #expect(error.file.hasSuffix("Config/center.json"))
        #expect(error.problems.first?.path == "$.facilities[0].capacity")
        #expect(error.description.contains("center.json: $.facilities[0].capacity: expected an integer"))
    }

    @Test func malformedJSONIsReported() throws {
        let dirs = try copy(editing: "Config/center.json") { String($0.dropLast(20)) }
        let error = try #require(loadError(dirs))
        #expect(error.problems.first?.message.hasPrefix("the document is not valid JSON: the JSON text ends inside a string (line ") == true)
    }

    @Test func semanticProblemInCenterFileNamesThePath() throws {
        let dirs = try copy(editing: "Config/center.json") {
            $0.replacingOccurrences(of: #""am": 9000"#, with: #""am": -9000"#)
        }
        let error = try #require(loadError(dirs))
        #expect(error.problems.contains { $0.path.hasPrefix("$.facilities[0].fees") })
    }

    @Test func unknownDependencyInRoadmapNamesFileAndPath() throws {
        let dirs = try copy(editing: "schedules/roadmap.json") {
            $0.replacingOccurrences(of: #""depends_on": []"#, with: #""depends_on": ["no-such-item"]"#)
        }
        let error = try #require(loadError(dirs))
        #expect(error.file.hasSuffix("schedules/roadmap.json"))
        #expect(error.problems.first?.path.hasPrefix("$.items[") == true)
        #expect(error.description.contains("no-such-item"))
    }

    @Test func missingFileIsReported() throws {
        let dirs = try copy(editing: "schedules/designated-managers.json") { $0 }
        try FileManager.default.removeItem(atPath: dirs.schedules + "/designated-managers.json")
        let error = try #require(loadError(dirs))
        #expect(error.file.hasSuffix("designated-managers.json"))
        #expect(error.problems.first?.message == "the file is missing or unreadable")
    }

    @Test func operationsSettingsAreLoaded() throws {
        let settings = try SettingsLoader.load(configDirectory: Self.repository + "/Config",
                                               schedulesDirectory: Self.repository + "/schedules")
        #expect(settings.operations.backup.time.description == "03:30")
        #expect(settings.operations.backup.keep == 14)
        #expect(settings.operations.backup.folder(besideDatabase: "data/center.sqlite") == "data/backups")
        #expect(settings.operations.personalData.fiscalYearsAfterEnd == 5)
    }

    @Test func badBackupSettingsNameTheirPath() throws {
        let dirs = try copy(editing: "Config/center.json") {
            $0.replacingOccurrences(of: #""keep": 14"#, with: #""keep": 0"#)
        }
        let error = try #require(loadError(dirs))
        #expect(error.description.contains("center.json: $.operations.backup.keep: must keep 1 to 366 backups"))
    }

    @Test func badBackupTimeNamesItsPath() throws {
        let dirs = try copy(editing: "Config/center.json") {
            $0.replacingOccurrences(of: #""time": "03:30""#, with: #""time": "3:30am""#)
        }
        #expect(try #require(loadError(dirs)).problems.first?.path == "$.operations.backup.time")
    }

    @Test func retentionMustBeSet() throws {
        let dirs = try copy(editing: "Config/center.json") {
            $0.replacingOccurrences(of: #""fiscal_years_after_end": 5"#, with: #""fiscal_years_after_end": 0"#)
        }
        #expect(try #require(loadError(dirs)).problems.first?.path == "$.operations.personal_data.fiscal_years_after_end")
    }

    @Test func absoluteBackupFolderIsKeptAsGiven() {
        let backup = OperationsSettings.Backup(time: LocalTime(hour: 3, minute: 0)!, folder: "/srv/backups", keep: 3)
        #expect(backup.folder(besideDatabase: "data/center.sqlite") == "/srv/backups")
        #expect(OperationsSettings.Backup(time: LocalTime(hour: 3, minute: 0)!, folder: "b", keep: 3)
            .folder(besideDatabase: "center.sqlite") == "b")
    }
}
