import Foundation
import Testing
import TestEvents
@testable import HTTPServer

/// A handler placed on the loop (`HandlerPlacement.onLoop`) runs as a task
/// whose executor is the loop that owns the connection, resumes there after
/// it suspends, is cut off by the handler deadline like any other, and
/// still finishes when the server shuts down under it (docs/SERVER.md §1.16).
struct OnLoopHandlerTests {
    /// The thread running the caller, as `HTTPServer.loopThreads` names loops.
    static func thread() -> String { String(UInt(pthread_self())) }

    static let arrived = Observed<Set<String>>([])
    static let released = Observed<Set<String>>([])
    static let finished = Observed<Set<String>>([])

    func router() throws -> Router {
        var router = Router()
        try router.add(.GET, "/where", placement: .onLoop) { _ in HTTPResponse(body: Array(Self.thread().utf8)) }
        try router.add(.GET, "/where-off") { _ in HTTPResponse(body: Array(Self.thread().utf8)) }
        try router.add(.GET, "/wait", placement: .onLoop) { request in
            let id = request.queryValue("id") ?? ""
            Self.arrived.update { $0.insert(id) }
            _ = try? await Self.released.wait(for: "the release of \(id)") { $0.contains(id) }
            let name = Self.thread()
            Self.finished.update { $0.insert(id) }
            return HTTPResponse(body: Array(name.utf8))
        }
        try router.add(.GET, "/sleep", placement: .onLoop) { _ in
            try? await Task.sleep(for: .seconds(30))
            return HTTPResponse(body: Array("late".utf8))
        }
        return router
    }

    @Test func anOnLoopHandlerRunsOnTheLoopAndAnOffLoopOneDoesNot() async throws {
        try await withServer(responder: try router()) { server in
            let on = try await get(server.port, "/where")
            #expect(on.status == 200)
            let loops = server.loopThreads.map(String.init)
            #expect(loops.contains(on.body))
            let off = try await get(server.port, "/where-off")
            #expect(!loops.contains(off.body))
        }
    }

    @Test func anOnLoopHandlerResumesOnTheLoopAfterWaitingForAnotherThread() async throws {
        try await withServer(responder: try router()) { server in
            let id = UUID().uuidString
            let port = server.port
            let answer = Task { try await get(port, "/wait?id=\(id)") }
            _ = try await Self.arrived.wait(for: "the handler to start") { $0.contains(id) }
            // Released from this test's thread, not the loop's.
            Self.released.update { $0.insert(id) }
            let response = try await answer.value
            #expect(response.status == 200)
            #expect(server.loopThreads.map(String.init).contains(response.body))
        }
    }

    @Test func anOnLoopHandlerPastItsDeadlineIs503() async throws {
        try await withServer({ $0.handlerTimeout = .milliseconds(200) }, responder: try router()) { server in
            let response = try await get(server.port, "/sleep")
            #expect(response.status == 503)
        }
    }

    @Test func anOnLoopHandlerStillFinishesWhenTheServerShutsDownUnderIt() async throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 1
        configuration.shutdownGracePeriod = .milliseconds(100)
        let server = HTTPServer(configuration: configuration, responder: try router())
        try server.start()
        let id = UUID().uuidString
        let port = server.port
        let answer = Task { try? await get(port, "/wait?id=\(id)") }
        _ = try await Self.arrived.wait(for: "the handler to start") { $0.contains(id) }
        await server.shutdown()
        Self.released.update { $0.insert(id) }
        _ = try await Self.finished.wait(for: "the handler to finish after the shutdown") { $0.contains(id) }
        _ = await answer.value
    }
}
