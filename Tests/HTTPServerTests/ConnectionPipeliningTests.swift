import Testing
@testable import HTTPServer

/// The pipelining read policy (NIO's HTTPServerPipelineHandler, RFC 9112
/// §9.3.2): while a response is in flight, stop reading once enough requests
/// wait.
struct ConnectionPipeliningTests {
    func parsed() -> ParsedRequest {
        ParsedRequest(request: HTTPRequest(method: .GET, target: "/", pathSegments: []), minorVersion: 1,
                      keepAlive: true, expectsContinue: false)
    }

    func exchange() -> Connection.Exchange {
        .init(method: "GET", target: "/", requestID: "r", startedAt: 0, isHEAD: false, keepAlive: true,
              echoKeepAlive: false)
    }

    @Test func idleConnectionReads() {
        #expect(Connection(fd: -1, serial: 1, limits: .init()).wantsInput(maxPipelined: 1))
    }
    @Test func inFlightConnectionReadsUntilOneRequestWaits() {
        let c = Connection(fd: -1, serial: 1, limits: .init())
        c.current = exchange()
        #expect(c.wantsInput(maxPipelined: 1))
        c.pending.append(parsed())
        #expect(!c.wantsInput(maxPipelined: 1))
    }
    @Test func connectionStopsReadingAfterAParseError() {
        let c = Connection(fd: -1, serial: 1, limits: .init())
        c.failure = .uriTooLong
        #expect(!c.wantsInput(maxPipelined: 1))
    }
    @Test func connectionStopsReadingWhenClosing() {
        let c = Connection(fd: -1, serial: 1, limits: .init())
        c.closeAfterWrite = true
        #expect(!c.wantsInput(maxPipelined: 1))
    }
}
