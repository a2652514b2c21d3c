import Foundation
import TestEvents
import Testing
@testable import HTTPServer

/// Connection cap, isolation of slow handlers and graceful shutdown.
@Suite(.serialized) struct ServerConcurrencyTests {
    @Test func connectionOverCapGets503WithRetryAfter() async throws {
        try await withServer({ $0.maxConnections = 2 }) { server in
            let port = server.port
            let (third, firstStillServed) = try await blocking {
                let first = try TestClient(port: port)
                let second = try TestClient(port: port)
                try first.send(getHealth)
                try second.send(getHealth)
                _ = try first.readResponse()
                _ = try second.readResponse()
                let third = try TestClient(port: port)
                let response = try third.readResponse()
                try first.send(getHealth)
                return (response, try first.readResponse().status)
            }
            #expect(third.status == 503)
            #expect(third.headers["retry-after"] == "1")
            #expect(third.headers["connection"] == "close")
            #expect(firstStillServed == 200)
        }
    }

    /// Another connection is answered while a handler is still running: the
    /// slow handler is held until the other answer has come.
    @Test func slowHandlerDoesNotDelayAnotherConnection() async throws {
        try await withServer { server in
            let port = server.port
            let id = UUID().uuidString
            defer { handlerReleases.update { $0.insert(id) } }
            let slow = Task {
                try await blocking { () -> Int in
                    let slow = try TestClient(port: port)
                    try slow.send("GET /slow?held=\(id)&arrival=\(id) HTTP/1.1\r\nHost: t\r\n\r\n")
                    return try slow.readResponse().status
                }
            }
            try await handlerArrivals.wait(for: "the slow handler starts") { $0.contains(id) }
            let fast = try await blocking { () -> Int in
                let fast = try TestClient(port: port)
                try fast.send(getHealth)
                return try fast.readResponse().status
            }
            handlerReleases.update { $0.insert(id) }
            #expect(fast == 200, "answered while the slow handler still ran")
            #expect(try await slow.value == 200)
        }
    }

    @Test func shutdownLetsInFlightRequestFinishAndRefusesNewConnections() async throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 2
        let server = HTTPServer(configuration: configuration, responder: try testRouter())
        try server.start()
        let port = server.port
        let arrival = UUID().uuidString
        defer { handlerReleases.update { $0.insert(arrival) } }
        let inFlight = Task {
            try await blocking { () -> (Int, String?) in
                let client = try TestClient(port: port)
                try client.send("GET /slow?held=\(arrival)&arrival=\(arrival) HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try client.readResponse()
                return (response.status, response.headers["connection"])
            }
        }
        // The handler has started and is held: in flight at shutdown.
        try await handlerArrivals.wait(for: "the slow handler starts") { $0.contains(arrival) }
        let stopping = Task { await server.shutdown() }
        // Shutdown has begun once a new connection is refused; only then is
        // the held handler let go, however slow the machine.
        var refused = false
        for _ in 0..<2000 where !refused {
            refused = try await blocking { () -> Bool in (try? TestClient(port: port)) == nil }
            if !refused { try await Task.sleep(for: .milliseconds(5)) }
        }
        handlerReleases.update { $0.insert(arrival) }
        await stopping.value
        let (status, connection) = try await inFlight.value
        #expect(status == 200)
        #expect(connection == "close")
        #expect(refused)
        #expect(server.openConnections == 0)
    }

    @Test func shutdownClosesIdleKeepAliveConnectionsAtOnce() async throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 2
        let server = HTTPServer(configuration: configuration, responder: try testRouter())
        try server.start()
        let port = server.port
        let answered = Signal()
        let client = Task {
            try await blocking { () -> Bool in
                let client = try TestClient(port: port)
                try client.send(getHealth)
                _ = try client.readResponse()
                answered.signal()
                return client.isClosedByServer()
            }
        }
        try await answered.wait(for: "the keep-alive connection is idle")
        let clock = ContinuousClock()
        let start = clock.now
        await server.shutdown()
        // At once, not after the 10 s grace period; loose for a busy machine.
        #expect(clock.now - start < .seconds(5))
        #expect(try await client.value)
    }
}
