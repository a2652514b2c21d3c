import CenterDomain
@testable import CenterService
import Foundation
@testable import HTTPServer
import ServiceTestSupport
import TestEvents
import Testing
@testable import CenterAPI
import CalendarValues

/// What an operator sees through HTTP: /health and the log when the database
/// is damaged, request ids in the audit log, backups in /metrics, and the
/// erasure of one registration's personal data on request.
@Suite(.serialized) struct OperationsEndpointTests {
    /// A database of registrations whose table's root page is then
    /// overwritten: it opens (only the schema is read) and fails on first use.
    static func damagedDatabase() async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString)").path
        let path = directory + "/center.sqlite"
        let service = CenterService(settings: TestServer.settings,
                                    // NORMAL: 200 commits without 200 fsyncs, which would slow the other suites.
                                    store: try await TestStore.open(path: path, synchronousFull: false),
                                    clock: ManualClock(now: Instant(japanDate: LocalDate(year: 2026, month: 11, day: 25)!)))
        let staff = Actor(tokenID: 1, role: .staff, name: "Front desk", registrationID: nil)
        for n in 0..<200 {
            _ = try await service.registrations.register(RegistrationInput(category: .general, name: "登録 \(n) " + String(repeating: "x", count: 150)),
                                                     by: staff)
        }
        let (root, size): (Int, Int) = try await service.pool.read { db in
            (try db.queryOne("SELECT rootpage FROM sqlite_schema WHERE name = 'registrations'")?.get(0) ?? 0,
             try db.queryOne("PRAGMA page_size")?.get(0) ?? 4096)
        }
        try await blocking {
            service.close()
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.seek(toOffset: UInt64((root - 1) * size))
            handle.write(Data(repeating: 0xFF, count: size))
            try handle.close()
        }
        return directory
    }

    @Test func aDamagedPageMakesHealthAnswer503DatabaseError() async throws {
        try await withTestServer(directory: try await Self.damagedDatabase()) { server in
            let client = server.client()
            #expect(try await client.send("GET", "/health").status == 200, "nothing has met the damage yet")
            let failed = try await client.send("GET", "/registrations/5", token: server.adminToken)
            #expect(failed.status == 500)
            #expect(failed.errorCode == "internal_error")
            let health = try await client.send("GET", "/health")
            #expect(health.status == 503)
            #expect(health.object["database"] as? String == "error")
            #expect(health.object["status"] as? String == "error")
        }
    }

    @Test func a500IsLoggedAtErrorWithItsRequestRouteAndSQLiteCause() async throws {
        let log = ServiceLogCollector()
        try await withTestServer(directory: try await Self.damagedDatabase(), log: log.log) { server in
            let response = try await server.client().send("GET", "/registrations/5", token: server.adminToken,
                                                          headers: ["X-Request-Id": "req-damaged-1"])
            #expect(response.status == 500)
            let line = try await log.waitFor("the failure's line") { $0.message == "request failed" }
            #expect(line.level == .error)
            #expect(line.fields["request_id"] == "req-damaged-1")
            #expect(line.fields["route"] == "/registrations/{id}")
            #expect(line.fields["method"] == "GET")
            #expect(line.fields["status"] == "500")
            #expect(line.fields["sqlite_code"] == "11")
            #expect(line.fields["sqlite_error"] == "SQLITE_CORRUPT")
            #expect(line.fields["sqlite_message"] == "database disk image is malformed")
            #expect(line.fields["sql"]?.contains("FROM registrations") == true)
        }
    }

    @Test func accessLineOfA5xxIsAtErrorAndOfA4xxAtInfo() throws {
        func level(_ status: Int) throws -> String? {
            let entry = AccessLogEntry(method: "GET", path: "/x?a=1", status: status, durationSeconds: 0.001, requestID: "r", bytesSent: 1)
            let line = try JSONSerialization.jsonObject(with: Data(AccessLogLine.format(entry, at: 0))) as? [String: Any]
            return line?["level"] as? String
        }
        #expect(try level(500) == "error")
        #expect(try level(503) == "error")
        #expect(try level(404) == "info")
        #expect(try level(200) == "info")
    }

    @Test func healthDocumentsIts503Body() async throws {
        try await withTestServer { server in
            let document = try await server.client().send("GET", "/openapi.json").object
            let health = ((document["paths"] as? [String: Any])?["/health"] as? [String: Any])?["get"] as? [String: Any]
            let unhealthy = (health?["responses"] as? [String: Any])?["503"] as? [String: Any]
            let schema = ((unhealthy?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
            let database = (schema?["properties"] as? [String: Any])?["database"] as? [String: Any]
            #expect(database?["enum"] as? [String] == ["error", "unavailable"])
        }
    }

    @Test func auditLineCarriesTheRequestIDOfTheRequestThatWroteIt() async throws {
        try await withTestServer { server in
            let client = server.client()
            let created = try await client.send("POST", "/registrations", body: #"{"category":"general","name":"監査テスト","in_ward":true}"#,
                                                token: server.adminToken, headers: ["X-Request-Id": "req-audit-42"])
            #expect(created.status == 201)
            let audit = try await client.send("GET", "/audit", token: server.adminToken).array
            let line = audit.first { $0["action"] as? String == "registration.create" }
            #expect(line?["request_id"] as? String == "req-audit-42")
        }
    }

    @Test func metricsListTheBackupsAndTheNewestsAge() async throws {
        try await withTestServer { server in
            _ = try await server.service.housekeeping.takeBackup(now: server.clock.now())
            server.clock.advance(seconds: 600)
            let text = try await server.client().send("GET", "/metrics", token: server.adminToken).text
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.contains("nakano_backups 1"))
            #expect(lines.contains("nakano_backup_newest_age_seconds 600"))
            #expect(lines.contains("nakano_backup_failures_total 0"))
            #expect(lines.contains("nakano_store_damaged 0"))
        }
    }

    @Test func staffEraseARegistrationOnRequestOnceNothingIsBooked() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let booking = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                token: server.adminToken)
            #expect(booking.status == 201)
            let blocked = try await client.send("POST", "/registrations/\(registration)/erase", token: server.adminToken)
            #expect(blocked.status == 409)
            #expect(blocked.errorCode == "erasure_blocked")
            let bookingID = try #require(booking.object["id"] as? Int)
            #expect(((blocked.object["error"] as? [String: Any])?["details"] as? [String: Any])?["bookings"] as? String == String(bookingID))
            #expect(try await client.send("POST", "/bookings/\(bookingID)/cancel", body: "{}", token: server.adminToken).status == 200)

            let member = try await server.token(.member, registrationID: registration)
            #expect(try await client.send("POST", "/registrations/\(registration)/erase", token: member).status == 403)
            let erased = try await client.send("POST", "/registrations/\(registration)/erase", token: server.adminToken)
            #expect(erased.status == 200)
            #expect(erased.object["reason"] as? String == "request")
            #expect((erased.object["rows"] as? [String: Any])?["registrations"] as? Int == 1)
            let shown = try await client.send("GET", "/registrations/\(registration)", token: server.adminToken)
            #expect(shown.object["name"] as? String == PersonalData.erased)
            #expect(shown.object["erased_at"] as? String != nil)
            let again = try await client.send("POST", "/registrations/\(registration)/erase", token: server.adminToken)
            #expect(again.status == 409)
            #expect(again.errorCode == "registration_already_erased")
            #expect(try await client.send("POST", "/registrations/999999/erase", token: server.adminToken).status == 404)
        }
    }
}
