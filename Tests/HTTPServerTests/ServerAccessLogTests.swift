import Synchronization
import TestEvents
import Testing
@testable import HTTPServer

/// The access log callback sees each exchange once its response is queued.
struct ServerAccessLogTests {
    @Test func accessLogReportsMethodTargetStatusAndBytes() async throws {
        let entries = Mutex<[AccessLogEntry]>([])
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 1
        let server = HTTPServer(configuration: configuration, responder: try testRouter()) { entry in
            entries.withLock { $0.append(entry) }
        }
        try server.start()
        let port = server.port
        let response = try await blocking {
            let client = try TestClient(port: port)
            try client.send("GET /items/7?x=1 HTTP/1.1\r\nHost: t\r\nX-Request-Id: log-1\r\n\r\n")
            return try client.readResponse()
        }
        await server.shutdown()
        let logged = entries.withLock { $0 }
        #expect(response.status == 200)
        #expect(logged.count == 1)
        #expect(logged.first?.method == "GET")
        #expect(logged.first?.path == "/items/7?x=1")
        #expect(logged.first?.status == 200)
        #expect(logged.first?.requestID == "log-1")
        #expect((logged.first?.bytesSent ?? 0) > 1)
        #expect((logged.first?.durationSeconds ?? -1) >= 0)
    }
}
