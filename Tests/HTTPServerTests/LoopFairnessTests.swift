import Foundation
import Synchronization
import TestEvents
import Testing
@testable import HTTPServer

/// One connection cannot hold its event loop: past `EventLoop.answersPerTurn`
/// immediate answers in a turn, the loop serves the requests the other
/// connections are waiting with before it goes on (docs/SERVER.md §1.16).
@Suite(.serialized) struct LoopFairnessTests {
    /// The order in which the server answered: each answer's body is its rank.
    final class AnswerOrder: Sendable {
        let count = Atomic(0)
        func next() -> Int { count.add(1, ordering: .relaxed).newValue }
    }

    func router(_ order: AnswerOrder) throws -> Router {
        var router = Router()
        try router.add(.GET, "/rank", immediate: { _ in HTTPResponse(body: Array(String(order.next()).utf8)) }) { _ in
            HTTPResponse(status: .internalServerError)
        }
        // Holds the loop thread, so that what the clients send meanwhile waits for it in the sockets.
        try router.add(.GET, "/hold", immediate: { _ in
            usleep(300_000)
            return HTTPResponse()
        }) { _ in HTTPResponse(status: .internalServerError) }
        return router
    }

    @Test func aClientPipeliningAnswersFromMemoryCannotHoldItsLoop() async throws {
        let order = AnswerOrder()
        let flooded = 20_000
        try await withServer({ $0.eventLoopCount = 1 }, responder: try router(order)) { server in
            let port = server.port
            let rank = try await blocking {
                let holder = try TestClient(port: port)
                let other = try TestClient(port: port)
                let flood = try TestClient(port: port, readTimeout: 5)
                for client in [other, flood] {
                    try client.send("GET /rank HTTP/1.1\r\nHost: t\r\n\r\n")
                    _ = try client.readResponse()
                }
                try holder.send("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n")
                usleep(50_000)
                // While the loop is held, the flood's requests fill its socket first, then the other's one request.
                let burst = Array(String(repeating: "GET /rank HTTP/1.1\r\nHost: t\r\n\r\n", count: flooded).utf8)
                let floodFD = flood.fd
                let sent = DispatchSemaphore(value: 0), drained = DispatchSemaphore(value: 0)
                blockingInBackground {
                    var offset = 0
                    while offset < burst.count {
                        let n = burst[offset...].withUnsafeBytes { Glibc.send(floodFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                        guard n > 0 else { break }
                        offset += n
                    }
                    sent.signal()
                }
                blockingInBackground {
                    var sink = [UInt8](repeating: 0, count: 65536)
                    while sink.withUnsafeMutableBytes({ recv(floodFD, $0.baseAddress, $0.count, 0) }) > 0 {}
                    drained.signal()
                }
                usleep(100_000)
                try other.send("GET /rank HTTP/1.1\r\nHost: t\r\n\r\n")
                let answer = try other.readResponse()
                #expect(try holder.readResponse().status == 200)
                // Both threads are done with the flood's descriptor before its client closes it.
                sent.wait()
                shutdown(floodFD, Int32(SHUT_RDWR))
                drained.wait()
                withExtendedLifetime(flood) {}
                return Int(answer.body) ?? -1
            }
            // Two warm-up answers, then a turn's budget of the flood's (EventLoop.answersPerTurn, 32), perhaps
            // two, before the other's; with no budget, the thousands of requests of the flood buffered come first.
            #expect(rank > 2)
            #expect(rank < 100)
        }
    }
}
