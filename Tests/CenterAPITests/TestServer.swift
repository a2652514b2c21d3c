import CalendarValues
import CenterAPI
import CenterDomain
import CenterService
import Foundation
import HTTPServer
import ServiceTestSupport
import TestEvents
import Testing

/// Runs `body` against a `TestServer` started for it, and always stops that
/// server afterwards: when `body` returns, when an expectation fails, and
/// when it throws. The only way a test gets a server, so none is left
/// running. The options are `TestServer.init`'s.
func withTestServer<Result>(now: Instant = TestServer.defaultNow, synchronousFull: Bool = true,
                            directory: String? = nil, log: ServiceLog = .discard,
                            _ body: (TestServer) async throws -> Result) async throws -> Result {
    let server = try await TestServer(now: now, synchronousFull: synchronousFull, directory: directory, log: log)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The real service behind the real HTTP server on an ephemeral loopback
/// port, with a fresh database, the repository's Config/ and schedules/, and
/// a manual clock the test moves. Tests get one from `withTestServer`.
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

    /// `CenterAPI.endpoints`, built once: hundreds of servers are started,
    /// and building the list is most of the CPU a start costs.
    static let endpoints = CenterAPI.endpoints

    let service: CenterService
    let server: HTTPServer
    /// The router's metrics: what the test's requests were answered.
    let metrics = APIMetrics()
    let clock: ManualClock
    let directory: String
    /// The admin token minted for the test.
    let adminToken: String

    var port: Int { server.port }

    /// 2026-11-25 10:00 in Japan.
    static let defaultNow = Instant(japanDate: LocalDate(year: 2026, month: 11, day: 25)!, minuteOfDay: 600)

    /// `now` on the clock; a fresh database unless `directory` names one
    /// that holds `center.sqlite`. `synchronousFull: false` spares the shared
    /// disk an fsync per commit, for tests that write a lot and do not test
    /// durability. A start that fails half-way closes what it opened. The
    /// store is opened and closed off the cooperative pool (`TestStore`, `blocking`).
    fileprivate init(now: Instant, synchronousFull: Bool, directory existing: String?, log: ServiceLog) async throws {
        let directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("api-\(UUID().uuidString)").path
        let store = try await TestStore.open(path: directory + "/center.sqlite", synchronousFull: synchronousFull)
        let clock = ManualClock(now: now)
        do {
            let service = try await CenterService.start(settings: Self.settings, store: store, clock: clock, log: log)
            adminToken = try await service.accounts.mintToken(role: .admin, name: "Test admin", by: "test").0.secret
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            configuration.eventLoopCount = 1
            server = HTTPServer(configuration: configuration,
                                responder: try CenterAPI.router(for: Self.endpoints, service: service, metrics: metrics))
            try server.start()
            self.service = service
        } catch {
            await blocking {
                store.close()
                if existing == nil { try? FileManager.default.removeItem(atPath: directory) }
            }
            throw error
        }
        self.directory = directory
        self.clock = clock
    }

    func client() -> TestClient { TestClient(port: port) }

    /// A second service over the same database file, as after a restart.
    func reopenedService() async throws -> CenterService {
        try await CenterService.start(settings: Self.settings, store: service.store, clock: clock)
    }

    /// Mints a token of `role` and returns its secret.
    func token(_ role: Role, registrationID: Int64? = nil) async throws -> String {
        try await service.accounts.mintToken(role: role, name: "Test \(role.rawValue)", registrationID: registrationID, by: "test").0.secret
    }

    /// Stops the server; first checks that every code its requests were
    /// refused with is one their operation lists in the OpenAPI document.
    fileprivate func stop() async {
        #expect(metrics.unlistedRefusals.isEmpty, "refusals answered but not listed: \(metrics.unlistedRefusals)")
        await server.shutdown()
        let (service, directory) = (service, directory)
        await blocking {
            service.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
