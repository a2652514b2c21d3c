import Foundation
import Testing
@testable import HTTPServer

/// Every error status the server produces itself: the JSON error shape,
/// `Connection: close`, and the connection closed after (RFC 9112 §9.6).
@Suite(.serialized) struct ServerErrorStatusTests {
    struct Case: Sendable, CustomStringConvertible {
        var raw: String
        var status: Int
        var code: String
        var description: String { "\(status) \(code)" }
    }

    static let closingCases: [Case] = [
        Case(raw: "GET  / HTTP/1.1\r\nHost: t\r\n\r\n", status: 400, code: "bad_request"),
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

    @Test(arguments: closingCases)
    func protocolErrorAnswersJSONAndCloses(_ c: Case) async throws {
        try await withServer({
            $0.maxBodyBytes = 1000
            $0.maxRequestLineBytes = 200
            $0.maxHeaderFieldBytes = 200
        }) { server in
            let port = server.port
            let (response, closed) = try await blocking {
                let client = try TestClient(port: port)
                try client.send(c.raw)
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == c.status)
            #expect(response.headers["connection"] == "close")
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.body == #"{"error":{"code":"\#(c.code)","#
                + #""message":"\#(HTTPResponse.jsonErrorMessage(response.body))"}}"#)
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
            #expect(response.body.contains(#""code":"not_found""#))
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
            #expect(response.body.contains(#""code":"method_not_allowed""#))
        }
    }
}

extension HTTPResponse {
    /// The message inside a JSON error body, to compare the rest exactly.
    static func jsonErrorMessage(_ body: String) -> String {
        guard let start = body.range(of: #""message":""#)?.upperBound,
              let end = body.range(of: #""}}"#, options: .backwards)?.lowerBound else { return "" }
        return String(body[start..<end])
    }
}
