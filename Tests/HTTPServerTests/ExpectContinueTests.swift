import TestEvents
import Testing
@testable import HTTPServer

/// `Expect: 100-continue` (RFC 9110 §10.1.1) is decided from the head before
/// the body is read: the parser reports the head, the responder (for a
/// router, the route's head check) decides, and the server sends `100
/// Continue` only when told to proceed; otherwise the final response goes out
/// at once and the connection closes without reading the body.
@Suite struct ExpectContinueParserTests {
    func firstEvent(_ text: String) -> HTTPRequestParser.Event {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array(text.utf8))
        return parser.next()
    }

    @Test func theParserReportsTheHeadOfARequestExpectingContinue() throws {
        let event = firstEvent("POST /upload?x=1 HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        guard case .continueExpected(let head) = event else {
            Issue.record("expected continueExpected, got \(event)")
            return
        }
        #expect(head.request.method == .POST)
        #expect(head.request.target == "/upload?x=1")
        #expect(head.request.headers["authorization"] == "Bearer t")
        #expect(head.request.body.isEmpty)
    }

    @Test func aChunkedRequestExpectingContinueReportsItsHeadToo() {
        let event = firstEvent("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n")
        guard case .continueExpected(let head) = event else {
            Issue.record("expected continueExpected, got \(event)")
            return
        }
        #expect(head.request.target == "/up")
    }

    @Test func aBodyThatAlreadyArrivedNeedsNoDecision() {
        let event = firstEvent("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
        guard case .request(let parsed) = event else {
            Issue.record("expected the request, got \(event)")
            return
        }
        #expect(parsed.request.body == Array("ok".utf8))
    }

    @Test func afterTheHeadTheBodyIsParsedAsUsual() {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        guard case .continueExpected = parser.next() else { return fail("no continueExpected") }
        guard case .needMoreData = parser.next() else { return fail("the body was not awaited") }
        parser.append(contentsOf: Array("ok".utf8))
        guard case .request(let parsed) = parser.next() else { return fail("no request") }
        #expect(parsed.request.body == Array("ok".utf8))
    }
}

@Suite struct ExpectContinueRouterTests {
    func head(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        var parser = HTTPRequestParser()
        var text = "\(method.rawValue) \(target) HTTP/1.1\r\nHost: h\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        parser.append(contentsOf: Array((text + "\r\n").utf8))
        guard case .request(let parsed) = parser.next() else { return HTTPRequest(method: method, target: target, pathSegments: []) }
        return parsed.request
    }

    @Test func theRoutesHeadCheckDecidesBeforeTheBody() async throws {
        let router = try testRouter()
        guard case .reject(let refusal) = await router.decideContinue(head: head(.POST, "/guarded")) else {
            return fail("the head check did not refuse")
        }
        #expect(refusal.status == .unauthorized)
        guard case .proceed = await router.decideContinue(head: head(.POST, "/guarded", headers: ["Authorization": "Bearer ok"])) else {
            return fail("a good head was refused")
        }
    }

    @Test func aRouteWithoutAHeadCheckProceeds() async throws {
        guard case .proceed = try await testRouter().decideContinue(head: head(.POST, "/echo")) else {
            return fail("refused")
        }
    }

    @Test func anUnknownPathOrMethodIsRefusedBeforeTheBody() async throws {
        let router = try testRouter()
        guard case .reject(let missing) = await router.decideContinue(head: head(.POST, "/nowhere")) else {
            return fail("unknown path proceeded")
        }
        #expect(missing.status == .notFound)
        guard case .reject(let method) = await router.decideContinue(head: head(.PUT, "/echo")) else {
            return fail("unknown method proceeded")
        }
        #expect(method.status == .methodNotAllowed)
    }
}

@Suite struct ExpectContinueServerTests {
    @Test func aRefusedHeadGetsItsFinalResponseWithoutContinueAndTheConnectionCloses() async throws {
        try await withServer { server in
            let port = server.port
            let (response, closed) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /guarded HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 1000000\r\n\r\n")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == 401)
            #expect(response.headers["connection"] == "close")
            #expect(closed)
        }
    }

    @Test func anAcceptedHeadGets100AndThenItsAnswer() async throws {
        try await withServer { server in
            let port = server.port
            let (interim, final) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /guarded HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer ok\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                let interim = try client.readResponse(head: true)
                try client.send("ok")
                return (interim, try client.readResponse())
            }
            #expect(interim.status == 100)
            #expect(final.status == 200)
            #expect(final.body == "ok")
        }
    }

    @Test func aRefusedClientThatSendsItsBodyAnywayStillGetsTheResponse() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /guarded HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 200000\r\n\r\n")
                try? client.send([UInt8](repeating: 65, count: 200_000))
                return try client.readResponse()
            }
            #expect(response.status == 401)
        }
    }

    @Test func aPipelinedHeadIsDecidedAfterTheEarlierResponse() async throws {
        try await withServer { server in
            let port = server.port
            let (first, second) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /slow?ms=100 HTTP/1.1\r\nHost: t\r\n\r\n"
                                + "POST /guarded HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                return (try client.readResponse(), try client.readResponse())
            }
            #expect(first.status == 200)
            #expect(first.body == "slow")
            #expect(second.status == 401)
        }
    }

    @Test func aDecisionTakingLongerThanTheHandlerDeadlineIsAnswered503() async throws {
        try await withServer({ $0.handlerTimeout = .milliseconds(200) }) { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /slow-guard HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 503)
            #expect(response.headers["connection"] == "close")
        }
    }

    @Test func aResponderThatKeepsTheDefaultProceeds() async throws {
        struct Plain: HTTPResponder {
            func respond(to request: HTTPRequest) async -> HTTPResponse { HTTPResponse(body: request.body) }
        }
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 1
        let server = HTTPServer(configuration: configuration, responder: Plain())
        try server.start()
        let port = server.port
        let (interim, final) = try await blocking {
            let client = try TestClient(port: port)
            try client.send("POST /any HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
            let interim = try client.readResponse(head: true)
            try client.send("abc")
            return (interim, try client.readResponse())
        }
        await server.shutdown()
        #expect(interim.status == 100)
        #expect(final.body == "abc")
    }
}

private func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}
