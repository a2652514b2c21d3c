import Foundation
import Testing
import TestEvents
@testable import HTTPServer

/// Each event loop accepts from a listening socket of its own, one of a
/// `SO_REUSEPORT` group on the server's port, and a port another server
/// holds is still refused (docs/SERVER.md §1.16).
struct ListenerPerLoopTests {
    /// The thread running the caller, as `HTTPServer.loopThreads` names loops.
    static func thread() -> String { String(UInt(pthread_self())) }

    func router() throws -> Router {
        var router = Router()
        try router.add(.GET, "/where", placement: .onLoop) { _ in HTTPResponse(body: Array(Self.thread().utf8)) }
        return router
    }

    /// The loop that answered each of `count` connections, all held open at once.
    func loopsAnswering(_ count: Int, port: Int) async throws -> [String] {
        try await blocking { () throws -> [String] in
            let clients = try (0..<count).map { _ in try TestClient(port: port) }
            return try clients.map { client in
                try client.send("GET /where HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse().body
            }
        }
    }

    @Test func connectionsOpenedAtOnceAreSpreadOverEveryLoop() async throws {
        try await withServer({ $0.eventLoopCount = 2 }, responder: try router()) { server in
            let answered = try await loopsAnswering(64, port: server.port)
            let loops = server.loopThreads.map(String.init)
            #expect(Set(answered) == Set(loops))
            // The kernel's hash of 64 peer ports: fewer than 12 on a loop has
            // a chance below one in a million.
            for loop in loops { #expect(answered.filter { $0 == loop }.count >= 12) }
        }
    }

    @Test func aPortAnotherServerHoldsIsRefusedNotShared() async throws {
        try await withServer({ $0.eventLoopCount = 2 }, responder: try router()) { server in
            var configuration = HTTPServer.Configuration()
            configuration.port = server.port
            configuration.eventLoopCount = 2
            let second = HTTPServer(configuration: configuration, responder: try router())
            #expect(throws: HTTPServerError.systemCall("bind", errno: EADDRINUSE)) { try second.start() }
        }
    }

    @Test func aListenerSharedByEveryLoopStillServesWhenPerLoopIsOff() async throws {
        try await withServer({ $0.eventLoopCount = 2; $0.listenerPerLoop = false }, responder: try router()) { server in
            let answered = try await loopsAnswering(8, port: server.port)
            #expect(answered.count == 8)
            #expect(Set(answered).isSubset(of: Set(server.loopThreads.map(String.init))))
        }
    }
}
