import Foundation
import Glibc
import TestEvents
import Testing
@testable import HTTPServer

/// Deadlines end to end (RFC 9112 §9.5, RFC 9110 §15.5.9): short timeouts so
/// the suite stays fast. The server's deadlines run on the wall clock, so
/// these tests take real time; they bound it loosely for a busy machine.
@Suite(.serialized) struct ServerTimeoutTests {
    @Test func headerDeadlineAnswers408AndCloses() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(300) }) { server in
            let port = server.port
            let (response, closed) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /health HTTP/1.1\r\nHo")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == 408)
            #expect(response.headers["connection"] == "close")
            #expect(response.body == "408 Request Timeout: The request was not received in time.\n")
            #expect(closed)
        }
    }

    @Test func headerDeadlineIsATotalNotPerRead() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(400) }) { server in
            let port = server.port
            let status = try await blocking { () -> Int in
                let client = try TestClient(port: port)
                // 1.1 s of trickling against a 0.4 s deadline: real time is the point.
                for byte in "GET /health HTTP/1.1\r\n".utf8 {
                    try? client.send([byte])
                    usleep(50_000)
                }
                return try client.readResponse().status
            }
            #expect(status == 408)
        }
    }

    @Test func silentConnectionIsClosedWithoutResponse() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(200) }) { server in
            let port = server.port
            let (closed, leftover) = try await blocking {
                let client = try TestClient(port: port)
                let closed = client.isClosedByServer()
                return (closed, client.buffer.count)
            }
            #expect(closed)
            #expect(leftover == 0)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(300) }) { server in
            let port = server.port
            let (status, closed) = try await blocking {
                let client = try TestClient(port: port)
                try client.send(getHealth)
                return (try client.readResponse().status, client.isClosedByServer())
            }
            #expect(status == 200)
            #expect(closed)
        }
    }

    @Test func bodyDeadlineAnswers408() async throws {
        try await withServer({ $0.bodyTimeout = .milliseconds(300) }) { server in
            let port = server.port
            let status = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
                return try client.readResponse().status
            }
            #expect(status == 408)
        }
    }

    @Test func handlerDeadlineAnswers503() async throws {
        try await withServer({ $0.handlerTimeout = .milliseconds(200) }) { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /slow?ms=2000 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 503)
            #expect(response.body == "503 Service Unavailable: The request took too long to handle.\n")
        }
    }

    @Test func slowReaderIsClosedAtTheWriteDeadline() async throws {
        try await withServer({ $0.writeTimeout = .milliseconds(300) }) { server in
            let port = server.port
            let openWhileClientStalls = try await blocking { () -> Int in
                let client = try TestClient(port: port)
                try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                // Nothing signals the close to a client that never reads:
                // watch the server's count, the client kept open meanwhile.
                let deadline = Date().addingTimeInterval(60)
                while server.openConnections > 0 && Date() < deadline { usleep(5_000) }
                return withExtendedLifetime(client) { server.openConnections }
            }
            #expect(openWhileClientStalls == 0)
        }
    }

    /// A connection accepted late in a long turn of the loop still gets its
    /// whole head deadline, counted from its accept. The turn is made long
    /// by an access log that holds the loop thread for 0.7 s per logged
    /// exchange, as a slow log sink would: a client that connects during the
    /// second hold is accepted after it, in the same turn, and must not be
    /// closed before the header timeout has passed since it connected.
    @Test func aConnectionAcceptedLateInALongTurnOfTheLoopGetsItsWholeHeaderDeadline() async throws {
        let holds = Observed(0)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 1
        configuration.headerTimeout = .milliseconds(1500)
        let server = HTTPServer(configuration: configuration, responder: try testRouter()) { entry in
            guard entry.path.contains("late-accept") else { return }
            holds.update { $0 += 1 }
            usleep(700_000)
        }
        try server.start()
        let port = server.port
        do {
            // Two held requests, whose answers each hold the loop once.
            async let first = blocking { () -> Int in
                let client = try TestClient(port: port)
                try client.send("GET /slow?arrival=late-accept-1&held=late-accept-1 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse().status
            }
            async let second = blocking { () -> Int in
                let client = try TestClient(port: port)
                try client.send("GET /slow?arrival=late-accept-2&held=late-accept-2 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse().status
            }
            try await handlerArrivals.wait(for: "both held handlers start") { $0.isSuperset(of: ["late-accept-1", "late-accept-2"]) }
            handlerReleases.update { $0.insert("late-accept-1") }
            try await holds.wait(for: "the first hold") { $0 >= 1 }
            // While the loop is held, the second answer and a connection
            // wait for it: the next turn wakes for both, the answer first.
            handlerReleases.update { $0.insert("late-accept-2") }
            try await Task.sleep(for: .milliseconds(200))
            let waiting = try await blocking { try connectRaw(port: port) }
            defer { Glibc.close(waiting) }
            try await holds.wait(for: "the second hold") { $0 >= 2 }
            // Connected well into the second hold, accepted after it.
            try await Task.sleep(for: .milliseconds(400))
            // Timed from before the connect: the server may accept it before
            // a descheduled client returns from connect(), and its deadline
            // counts from the accept, which is never before this instant.
            let closedAfter = try await blocking { () -> Duration in
                let connecting = ContinuousClock.now
                let client = try TestClient(port: port)
                _ = client.isClosedByServer()
                return ContinuousClock.now - connecting
            }
            #expect(try await first == 200)
            #expect(try await second == 200)
            #expect(closedAfter >= .milliseconds(1500), "closed \(closedAfter) after connecting, before its header deadline")
            #expect(closedAfter < .seconds(30), "closed at all")
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }
}
