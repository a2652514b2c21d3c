import Testing
@testable import CenterAPI

/// A member's secret calendar URL: minted by the member or by staff,
/// readable without any API token, showing bookings, desk passes and locker
/// terms in Japanese, and revocable.
@Suite(.serialized) struct MemberFeedEndpointTests {
    @Test func theSecretURLShowsBookingsDeskPassesAndLockerTermsInJapanese() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let pass = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "am"), token: holder.token)
            let lease = try await client.send("POST", "/locker-leases", body: LockerBody.lease(holder.id), token: server.adminToken)
            #expect(lease.status == 201)
            let minted = try await client.send("POST", "/me/feed-token", token: holder.token)
            #expect(minted.status == 201)
            let path = try #require(minted.object["path"] as? String)
            #expect(path.hasPrefix("/feeds/nkf_") && path.hasSuffix("/calendar.ics"))
            let feed = try await client.send("GET", path)
            #expect(feed.status == 200)
            #expect(feed.headers["content-type"] == "text/calendar; charset=utf-8")
            let text = feed.text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.contains("UID:desk-pass-\(pass)@nakano-center"))
            #expect(text.contains("状態 予約済"))
            #expect(text.contains("SUMMARY:モバイルロッカー locker-01 利用開始"))
            #expect(text.contains("DTSTART;VALUE=DATE:20261201"))
            #expect(text.contains("SUMMARY:モバイルロッカー locker-01 契約満了日"))
            #expect(text.contains("DTSTART;VALUE=DATE:20270531"))
            let withToken = try await client.send("GET", path, token: holder.token)
            #expect(withToken.status == 200)
        }
    }

    @Test func theMembersFeedSaysTheBookingStateInJapanese() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            _ = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration), token: server.adminToken)
            let member = try await server.token(.member, registrationID: registration)
            let text = try await client.send("GET", "/me/calendar.ics", token: member).text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.contains("状態 仮予約"))
            #expect(text.contains(#"使用料 ¥1\,500"#))
            #expect(!text.contains("provisional"))
        }
    }

    @Test func aRevokedOrReplacedURLIs404AndStaffMintForARegistration() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let first = try await client.send("POST", "/registrations/\(registration)/feed-token", token: server.adminToken)
            let firstPath = try #require(first.object["path"] as? String)
            let second = try await client.send("POST", "/registrations/\(registration)/feed-token", token: server.adminToken)
            let secondPath = try #require(second.object["path"] as? String)
            #expect(second.object["replaced"] as? Int == first.object["id"] as? Int)
            let old = try await client.send("GET", firstPath)
            #expect(old.status == 404)
            #expect(old.errorCode == "feed_not_found")
            #expect(try await client.send("GET", secondPath).status == 200)
            let revoked = try await client.send("POST", "/registrations/\(registration)/feed-token/revoke", token: server.adminToken)
            #expect(revoked.status == 200)
            #expect(try await client.send("GET", secondPath).status == 404)
            #expect(try await client.send("POST", "/registrations/\(registration)/feed-token/revoke", token: server.adminToken).errorCode
                == "feed_token_not_found")
            #expect(try await client.send("GET", "/feeds/not-a-token/calendar.ics").status == 404)
        }
    }

    @Test func theFeedTokenIsNotAnAPIToken() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let member = try await server.token(.member, registrationID: registration)
            let minted = try await client.send("POST", "/me/feed-token", token: member)
            let token = try #require(minted.object["token"] as? String)
            #expect(try await client.send("GET", "/me", token: token).status == 401)
            #expect(try await client.send("POST", "/me/feed-token/revoke", token: member).status == 200)
        }
    }

    @Test func theAccessLogDoesNotKeepTheFeedSecret() {
        #expect(AccessLogLine.redacted("/feeds/nkf_abc/calendar.ics") == "/feeds/{token}/calendar.ics")
        #expect(AccessLogLine.redacted("/bookings/7") == "/bookings/7")
    }
}
