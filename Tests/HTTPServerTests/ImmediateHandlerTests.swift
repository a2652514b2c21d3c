import Foundation
import Testing
import TestEvents
@testable import HTTPServer

/// A route's immediate handler (`HTTPImmediateHandler`) answers on the loop
/// with no task; when it declines (nil) the route's handler answers as
/// before; answers of both kinds leave in request order, and a pipelined
/// burst of immediate answers is sent without recursion (docs/SERVER.md §1.16).
struct ImmediateHandlerTests {
    static func thread() -> String { String(UInt(pthread_self())) }

    func router() throws -> Router {
        var router = Router()
        try router.add(.GET, "/now", immediate: { request in
            request.queryValue("decline") == nil ? HTTPResponse(body: Array("now \(Self.thread())".utf8)) : nil
        }) { _ in HTTPResponse(body: Array("later \(Self.thread())".utf8)) }
        try router.add(.GET, "/echo", immediate: { request in
            HTTPResponse(body: Array((request.queryValue("n") ?? "").utf8))
        }) { _ in HTTPResponse(status: .internalServerError) }
        try router.add(.GET, "/slow") { request in
            try? await Task.sleep(for: .milliseconds(50))
            return HTTPResponse(body: Array("slow \(request.queryValue("n") ?? "")".utf8))
        }
        return router
    }

    @Test func anImmediateAnswerIsSentFromTheLoopThread() async throws {
        try await withServer(responder: try router()) { server in
            let response = try await get(server.port, "/now")
            #expect(response.status == 200)
            #expect(response.headers["x-request-id"]?.isEmpty == false)
            #expect(response.headers["date"] != nil)
            let loops = server.loopThreads.map(String.init)
            #expect(response.body.hasPrefix("now "))
            #expect(loops.contains(String(response.body.dropFirst(4))))
        }
    }

    @Test func aDeclinedImmediateAnswerFallsBackToTheRoutesHandler() async throws {
        try await withServer(responder: try router()) { server in
            let response = try await get(server.port, "/now?decline=1")
            #expect(response.status == 200)
            #expect(response.body.hasPrefix("later "))
        }
    }

    @Test func aHEADRequestGetsTheImmediateAnswerWithoutItsBody() async throws {
        try await withServer(responder: try router()) { server in
            let response = try await blocking {
                let client = try TestClient(port: server.port)
                try client.send("HEAD /echo?n=12345 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse(head: true)
            }
            #expect(response.status == 200)
            #expect(response.headers["content-length"] == "5")
            #expect(response.body.isEmpty)
        }
    }

    @Test func immediateAndTaskAnswersLeaveInRequestOrder() async throws {
        try await withServer({ $0.maxPipelinedRequests = 16 }, responder: try router()) { server in
            let bodies = try await blocking {
                let client = try TestClient(port: server.port)
                try client.send("GET /echo?n=1 HTTP/1.1\r\nHost: t\r\n\r\n" + "GET /slow?n=2 HTTP/1.1\r\nHost: t\r\n\r\n"
                                + "GET /echo?n=3 HTTP/1.1\r\nHost: t\r\n\r\n" + "GET /slow?n=4 HTTP/1.1\r\nHost: t\r\n\r\n"
                                + "GET /echo?n=5 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try (1...5).map { _ in try client.readResponse().body }
            }
            #expect(bodies == ["1", "slow 2", "3", "slow 4", "5"])
        }
    }

    @Test func aPipelinedBurstOfImmediateAnswersIsAnsweredInOrder() async throws {
        let count = 3000
        try await withServer(responder: try router()) { server in
            let bodies = try await blocking {
                let client = try TestClient(port: server.port)
                try client.send((1...count).map { "GET /echo?n=\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
                return try (1...count).map { _ in try client.readResponse().body }
            }
            #expect(bodies == (1...count).map(String.init))
        }
    }

    @Test func anUnknownPathIsRefusedAtOnce() async throws {
        let router = try router()
        let request = HTTPRequest(method: .GET, target: "/nothing", pathSegments: ["nothing"])
        #expect(router.immediateResponse(to: request)?.status == .notFound)
        let wrongMethod = HTTPRequest(method: .DELETE, target: "/now", pathSegments: ["now"])
        #expect(router.immediateResponse(to: wrongMethod)?.status == .methodNotAllowed)
        let slow = HTTPRequest(method: .GET, target: "/slow", pathSegments: ["slow"])
        #expect(router.immediateResponse(to: slow) == nil)
    }

    /// One lookup decides: a route without an immediate handler, or one
    /// that declines, is a task placed as the route says.
    @Test func aRouteWithoutAnImmediateAnswerIsATaskPlacedAsItSays() throws {
        var router = try router()
        try router.add(.GET, "/loop", placement: .onLoop) { _ in HTTPResponse() }
        func placement(_ target: String, _ segments: [String]) -> HandlerPlacement? {
            guard case .task(let placement) = router.dispatch(HTTPRequest(method: .GET, target: target, pathSegments: segments))
            else { return nil }
            return placement
        }
        #expect(placement("/slow", ["slow"]) == .offLoop)
        #expect(placement("/loop", ["loop"]) == .onLoop)
        let declined = HTTPRequest(method: .GET, target: "/now?decline=1", pathSegments: ["now"], query: [("decline", "1")])
        guard case .task(.offLoop) = router.dispatch(declined) else {
            Issue.record("a declined immediate answer is the route's task")
            return
        }
        guard case .immediate = router.dispatch(HTTPRequest(method: .HEAD, target: "/echo", pathSegments: ["echo"])) else {
            Issue.record("HEAD is answered by the GET route's immediate handler")
            return
        }
    }
}
