import CalendarValues
import CenterAPI
import CenterDomain
import CenterService
import Foundation
import HTTPServer

/// The real service behind the real HTTP server on an ephemeral loopback
/// port, with a fresh database, the repository's Config/ and schedules/, and
/// a manual clock the test moves.
final class TestServer {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let settings: CenterSettings = {
        do {
            return try SettingsLoader.load(configDirectory: repository + "/Config", schedulesDirectory: repository + "/schedules")
        } catch {
            fatalError("the repository's configuration must load: \(error)")
        }
    }()

    let service: CenterService
    let server: HTTPServer
    let clock: ManualClock
    let directory: String
    /// The admin token minted for the test.
    let adminToken: String

    var port: Int { server.port }

    /// 2026-11-25 10:00 in Japan unless told otherwise; a fresh database
    /// unless `directory` names one that holds `center.sqlite`.
    /// `synchronousFull: false` spares the shared disk an fsync per commit,
    /// for tests that write a lot and do not test durability.
    init(now: Instant = Instant(japanDate: LocalDate(year: 2026, month: 11, day: 25)!, minuteOfDay: 600),
         synchronousFull: Bool = true, directory existing: String? = nil, log: ServiceLog = .discard) async throws {
        directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("api-\(UUID().uuidString)").path
        let pool = try CenterService.openDatabase(path: directory + "/center.sqlite", synchronousFull: synchronousFull)
        clock = ManualClock(now: now)
        service = try await CenterService.start(settings: Self.settings, pool: pool, clock: clock, log: log)
        adminToken = try await service.mintToken(role: .admin, name: "Test admin", by: "test").0.secret
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 1
        server = HTTPServer(configuration: configuration, responder: try CenterAPI.router(service: service))
        try server.start()
    }

    func client() -> TestClient { TestClient(port: port) }

    /// A second service over the same database file, as after a restart.
    func reopenedService() async throws -> CenterService {
        try await CenterService.start(settings: Self.settings, pool: service.pool, clock: clock)
    }

    /// Mints a token of `role` and returns its secret.
    func token(_ role: Role, registrationID: Int64? = nil) async throws -> String {
        try await service.mintToken(role: role, name: "Test \(role.rawValue)", registrationID: registrationID, by: "test").0.secret
    }

    func stop() async {
        await server.shutdown()
        service.pool.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
