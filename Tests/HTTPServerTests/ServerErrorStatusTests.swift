import Foundation
import Testing
@testable import HTTPServer

/// Every error status the server produces itself: a minimal plain-text body
/// unless the responder shapes it, `Connection: close`, and the connection
/// closed after (RFC 9112 §9.6).
@Suite(.serialized) struct ServerErrorStatusTests {
    struct Case: Sendable, CustomStringConvertible {
        var raw: String
        var status: Int
        var code: String
        var description: String { "\(status) \(code)" }
    }

    static let closingCases: [Case] = [
        Case(raw: "GET  / HTTP/1.1\r\nHost: t\r\n\r\n", status: 400, code: "bad_request"),
        Case(raw: "GET /?q=%8ER%93c HTTP/1.1\r\nHost: t\r\n\r\n", status: 400, code: "invalid_encoding"),
        Case(raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999\r\n\r\n", status: 413,
             code: "content_too_large"),
        Case(raw: "GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\nHost: t\r\n\r\n", status: 414,
             code: "uri_too_long"),
        Case(raw: "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: tea\r\n\r\n", status: 417, code: "expectation_failed"),
        Case(raw: "GET / HTTP/1.1\r\nHost: t\r\nX: " + String(repeating: "v", count: 300) + "\r\n\r\n", status: 431,
             code: "header_fields_too_large"),
        Case(raw: "BREW / HTTP/1.1\r\nHost: t\r\n\r\n", status: 501, code: "not_implemented"),
        Case(raw: "GET / HTTP/2.0\r\nHost: t\r\n\r\n", status: 505, code: "version_not_supported"),
    ]

    static func smallLimits(_ configuration: inout HTTPServer.Configuration) {
        configuration.maxBodyBytes = 1000
        configuration.maxRequestLineBytes = 200
        configuration.maxHeaderFieldBytes = 200
    }

    /// Sends the case's bytes; the answer, and whether the server then closed.
    static func exchange(_ c: Case, with server: HTTPServer) async throws -> (TestClient.Response, Bool) {
        let port = server.port
        return try await blocking {
            let client = try TestClient(port: port)
            try client.send(c.raw)
            return (try client.readResponse(), client.isClosedByServer())
        }
    }

    @Test(arguments: closingCases)
    func protocolErrorAnswersAPlainTextLineAndCloses(_ c: Case) async throws {
        try await withServer(Self.smallLimits) { server in
            let (response, closed) = try await Self.exchange(c, with: server)
            #expect(response.status == c.status)
            #expect(response.headers["connection"] == "close")
            #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
            let reason = try #require(HTTPProtocolError.Code(rawValue: c.code)).status.reason
            #expect(response.body.hasPrefix("\(c.status) \(reason): "))
            #expect(response.body.hasSuffix("\n") && response.body.filter { $0 == "\n" }.count == 1)
            #expect(closed)
        }
    }

    /// The responder's `protocolErrorResponse(for:)` shapes the body, with
    /// the stable code; the status and the close stay the server's.
    @Test(arguments: closingCases)
    func responderShapesTheProtocolErrorBody(_ c: Case) async throws {
        var router = try testRouter()
        router.protocolErrorResponder = { error in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"],
                         body: Array(#"{"code":"\#(error.code.rawValue)"}"#.utf8))
        }
        try await withServer(Self.smallLimits, responder: router) { server in
            let (response, closed) = try await Self.exchange(c, with: server)
            #expect(response.status == c.status)
            #expect(response.headers["connection"] == "close")
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.body == #"{"code":"\#(c.code)"}"#)
            #expect(closed)
        }
    }

    @Test func unknownPathIs404() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 404)
            #expect(response.body == "404 Not Found: No resource at this path.\n")
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("DELETE /health HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
            #expect(response.body == "405 Method Not Allowed: The method is not allowed on this path.\n")
        }
    }
}
