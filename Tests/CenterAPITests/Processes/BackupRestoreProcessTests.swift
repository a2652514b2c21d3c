import CenterDomain
import CenterService
import Foundation
import TestEvents
import Testing

/// `nakano-center backup` while the service takes bookings, and `restore`
/// into a fresh folder: the copy holds every booking acknowledged before the
/// backup began and nothing that was never acknowledged.
@Suite(.serialized) struct BackupRestoreProcessTests {
    /// A booking the server answered 201 for, and when the answer came.
    struct Acknowledged: Sendable {
        let id: Int
        let facility: String
        let date: String
        let at: Date
    }

    final class Acknowledgements: Sendable {
        let list = Observed<[Acknowledged]>([])
        func append(_ booking: Acknowledged) { list.update { $0.append(booking) } }
        var all: [Acknowledged] { list.value }
    }

    static let facilities = ["meeting-room-1", "meeting-room-2", "japanese-room", "creative-room",
                             "consultation-room-1", "consultation-room-2"]

    @Test func backupUnderABookingLoadRestoresIntoAFreshFolderWithEveryAcknowledgedBooking() async throws {
        let folder = DataFolder()
        let fresh = DataFolder()
        defer {
            folder.remove()
            fresh.remove()
        }
        let server = try ServeProcess(folder.serve())
        let port = try await server.port()
        let token = folder.adminToken
        var registrations: [Int] = []
        for n in 0..<Self.facilities.count {
            let response = try await TestClient(port: port).send("POST", "/registrations", body: """
                {"category":"ward","name":"中野区 担当課 \(n)","in_ward":true}
                """, token: token)
            registrations.append(try #require(response.object["id"] as? Int, "\(response.text)"))
        }

        let acknowledged = Acknowledgements()
        let owners = registrations
        let today = SystemClock().now().japanDate
        let load = Self.facilities.enumerated().map { index, facility in
            Task {
                let client = TestClient(port: port)
                for offset in 7..<32 {
                    let date = today.adding(days: offset).description
                    for division in ["am", "pm", "night"] {
                        let response = try await client.send("POST", "/bookings", body: """
                            {"facility":"\(facility)","date":"\(date)","divisions":["\(division)"],"registration":\(owners[index]),"purpose":"会議","attendees":5,"admission_charged":0,"commercial":false}
                            """, token: token)
                        if response.status == 201, let id = response.object["id"] as? Int {
                            acknowledged.append(Acknowledged(id: id, facility: facility, date: date, at: Date()))
                        }
                    }
                }
            }
        }
        try await acknowledged.list.wait(for: "80 acknowledged bookings") { $0.count >= 80 }
        let backupPath = folder.path + "/under-load.sqlite"
        let backupStarted = Date()
        let backup = try await ServeProcess.run(["backup", backupPath, "--database", folder.database])
        for task in load { try await task.value }
        let all = acknowledged.all
        let beforeBackup = all.filter { $0.at < backupStarted }
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(backup.output.contains("check: PRAGMA integrity_check and foreign_key_check ok"))
        #expect(backup.output.contains("bookings "))
        #expect(all.contains { $0.at > backupStarted }, "bookings went on while the backup ran")
        await server.stop()

        let restore = try await ServeProcess.run(["restore", backupPath, "--database", fresh.database])
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restore.output.contains("restored \(backupPath) into \(fresh.database)"))
        let restored = try ServeProcess(fresh.serve())
        let restoredPort = try await restored.port()
        let client = TestClient(port: restoredPort)
        #expect(try await client.send("GET", "/health").status == 200)
        var restoredIDs = Set<Int>()
        for registration in registrations {
            let list = try await client.send("GET", "/bookings?registration=\(registration)", token: token)
            #expect(list.status == 200)
            restoredIDs.formUnion(list.array.compactMap { $0["id"] as? Int })
        }
        let acknowledgedIDs = Set(all.map(\.id))
        #expect(restoredIDs.isSubset(of: acknowledgedIDs), "the copy holds no booking that was never acknowledged")
        #expect(Set(beforeBackup.map(\.id)).isSubset(of: restoredIDs),
                "every booking acknowledged before the backup began is in it (\(beforeBackup.count) of \(restoredIDs.count))")
        for booking in beforeBackup.prefix(20) {
            let shown = try await client.send("GET", "/bookings/\(booking.id)", token: token)
            #expect(shown.object["facility"] as? String == booking.facility)
            #expect(shown.object["first_date"] as? String == booking.date)
        }
        await restored.stop()
    }

    @Test func restoreRefusesWhileAServerHoldsTheDatabase() async throws {
        let folder = DataFolder()
        defer { folder.remove() }
        let server = try ServeProcess(folder.serve())
        _ = try await server.port()
        let backupPath = folder.path + "/copy.sqlite"
        #expect(try await ServeProcess.run(["backup", backupPath, "--database", folder.database]).status == 0)
        let refused = try await ServeProcess.run(["restore", backupPath, "--database", folder.database])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(folder.database) is in use by process \(server.pid)"))
        #expect(refused.errors.contains("stop the service before restoring"))
        await server.stop()
        let restored = try await ServeProcess.run(["restore", backupPath, "--database", folder.database])
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.contains("the database it replaced is kept as \(folder.database).before-restore-"))
    }

    @Test func backupRefusesToOverwriteAFile() async throws {
        let folder = DataFolder()
        defer { folder.remove() }
        let server = try ServeProcess(folder.serve(["--no-supervise"]))
        _ = try await server.port()
        let path = folder.path + "/existing.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("keep".utf8)))
        let refused = try await ServeProcess.run(["backup", path, "--database", folder.database])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
        await server.stop()
    }
}
