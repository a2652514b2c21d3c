import Testing
@testable import CenterAPI

/// `Expect: 100-continue` through the real server on a raw socket: the token
/// is checked on the head, so a request that will be refused 401 or 403 gets
/// that answer without `100 Continue`, before the client uploads its body,
/// and the connection closes; a good token gets `100 Continue`.
@Suite(.serialized) struct ExpectContinueEndpointTests {
    static func head(_ target: String, token: String?, length: Int) -> String {
        var text = "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
        if let token { text += "Authorization: Bearer \(token)\r\n" }
        return text + "Content-Length: \(length)\r\n\r\n"
    }

    @Test func aMissingTokenIs401BeforeTheBodyAndWithoutContinue() async throws {
        try await withTestServer { server in
            let client = server.client()
            let response = try await client.sendRaw(Self.head("/bookings", token: nil, length: 50_000))
            #expect(response.status == 401)
            #expect(response.errorCode == "unauthorized")
            #expect(response.headers["connection"] == "close")
            #expect(try await client.isClosedByServer())
        }
    }

    @Test func anInvalidTokenIs401BeforeTheBody() async throws {
        try await withTestServer { server in
            let response = try await server.client().sendRaw(Self.head("/bookings", token: "not-a-token", length: 200))
            #expect(response.status == 401)
            #expect(response.errorCode == "invalid_token")
        }
    }

    @Test func aRoleTheRouteDoesNotAdmitIs403BeforeTheBody() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            let response = try await server.client().sendRaw(Self.head("/tokens", token: staff, length: 200))
            #expect(response.status == 403)
            #expect(response.errorCode == "forbidden")
        }
    }

    @Test func aGoodTokenGetsContinueAndTheRequestIsAnswered() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let body = bookingBody("2026-12-10", registration: registration)
            let client = server.client()
            let interim = try await client.sendRaw(Self.head("/bookings", token: server.adminToken, length: body.utf8.count))
            #expect(interim.status == 100)
            let final = try await client.sendRaw(body)
            #expect(final.status == 201)
        }
    }
}
