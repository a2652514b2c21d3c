import TestEvents
import Testing
@testable import HTTPServer

/// Persistence and pipelining end to end (RFC 9112 §9.3, §9.3.2).
@Suite(.serialized) struct ServerKeepAliveTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withServer { server in
            let port = server.port
            let statuses = try await blocking {
                let client = try TestClient(port: port)
                return try (0..<5).map { _ in
                    try client.send(getHealth)
                    return try client.readResponse().status
                }
            }
            #expect(statuses == [200, 200, 200, 200, 200])
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { server in
            let port = server.port
            let bodies = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /slow?ms=200 HTTP/1.1\r\nHost: t\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /items/3 HTTP/1.1\r\nHost: t\r\n\r\n")
                return try (0..<3).map { _ in try client.readResponse().body }
            }
            #expect(bodies == ["slow", "2", "3"])
        }
    }

    @Test func chunkedBodyIsEchoed() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 200)
            #expect(response.body == "hello world")
        }
    }

    @Test func headHasContentLengthAndNoBody() async throws {
        try await withServer { server in
            let port = server.port
            let (head, next) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("HEAD /health HTTP/1.1\r\nHost: t\r\n\r\n" + getHealth)
                return (try client.readResponse(head: true), try client.readResponse())
            }
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == "15")
            #expect(next.body == #"{"status":"ok"}"#)
        }
    }

    @Test func http10KeepAliveIsEchoed() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.headers["connection"] == "keep-alive")
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { server in
            let port = server.port
            let (response, closed) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.headers["connection"] == "close")
            #expect(closed)
        }
    }

    @Test func everyResponseCarriesDateAndRequestID() async throws {
        try await withServer { server in
            let port = server.port
            let (own, echoed, refused) = try await blocking {
                let client = try TestClient(port: port)
                try client.send(getHealth)
                let own = try client.readResponse()
                try client.send("GET /health HTTP/1.1\r\nHost: t\r\nX-Request-Id: abc-123\r\n\r\n")
                let echoed = try client.readResponse()
                try client.send("GET /health HTTP/1.1\r\nHost: t\r\nX-Request-Id: bad id!\r\n\r\n")
                return (own, echoed, try client.readResponse())
            }
            #expect(own.headers["date"]?.hasSuffix(" GMT") == true)
            #expect(own.headers["x-request-id"]?.isEmpty == false)
            #expect(echoed.headers["x-request-id"] == "abc-123")
            #expect(refused.headers["x-request-id"] != "bad id!")
        }
    }

    @Test func expectContinueGets100BeforeTheBody() async throws {
        try await withServer { server in
            let port = server.port
            let (interim, final) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                let interim = try client.readResponse(head: true)
                try client.send("ok")
                return (interim, try client.readResponse())
            }
            #expect(interim.status == 100)
            #expect(final.body == "ok")
        }
    }

    @Test func http10WithoutKeepAliveCloses() async throws {
        try await withServer { server in
            let port = server.port
            let (response, closed) = try await blocking {
                let client = try TestClient(port: port)
                try client.send("GET /health HTTP/1.0\r\n\r\n")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == 200)
            #expect(response.headers["connection"] == "close")
            #expect(closed)
        }
    }
}
