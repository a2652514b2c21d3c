import Testing
@testable import CenterAPI

/// Values that are valid JSON but not valid input: numbers out of range or
/// not integers, text too long or with control characters. Each is a 422
/// naming the field, never a 500 and never "not valid JSON"; text is
/// stored in NFC and counted in Unicode scalars as the database counts it.
@Suite(.serialized) struct StrictValueEndpointTests {
    private func message(_ response: TestClient.Response) -> String? {
        (response.object["error"] as? [String: Any])?["message_en"] as? String
    }

    private func booking(_ server: TestServer, replacing field: String, with value: String) async throws -> TestClient.Response {
        let registration = try await server.register("general")
        var body = bookingBody("2026-12-10", registration: registration)
        let pattern = #""\#(field)":"#
        let start = try #require(body.range(of: pattern)).upperBound
        let end = body[start...].firstIndex { $0 == "," || $0 == "}" } ?? body.endIndex
        body.replaceSubrange(start..<end, with: value)
        return try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
    }

    @Test(arguments: ["9223372036854775808", "3.5", "1e308", "-1", "0"])
    func attendeesOutsideOneToTheMaximumAre422(_ number: String) async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "attendees", with: number)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_body")
            #expect(message(response)?.hasPrefix("$.attendees: expected an integer between 1 and 10000") == true, "\(message(response) ?? "")")
        }
    }

    @Test func aHugeAttendanceGetsTheExactMessage() async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "attendees", with: "9223372036854775808")
            #expect(message(response) == "$.attendees: expected an integer between 1 and 10000")
        }
    }

    @Test func minusZeroIsZero() async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "admission_charged", with: "-0")
            #expect(response.status == 201)
            #expect(response.object["admission_charged"] as? Int == 0)
        }
    }

    @Test func anAdmissionAboveTenMillionYenIs422() async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "admission_charged", with: "10000001")
            #expect(message(response) == "$.admission_charged: expected an integer between 0 and 10000000, got 10000001")
        }
    }

    @Test func anAttendanceAboveTheRoomsCapacityKeepsItsRule() async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "attendees", with: "9999")
            #expect(response.status == 409)
            #expect(response.errorCode == "capacity_exceeded")
        }
    }

    @Test func aRegistrationIdOfZeroIs422() async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "registration", with: "0")
            #expect(message(response) == "$.registration: expected an integer between 1 and 9007199254740991, got 0")
        }
    }

    @Test func anUnknownCategoryListsTheValidOnes() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/registrations", body: #"{"category":"wrd","name":"山田","in_ward":true}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            #expect(message(response)
                == "$.category: expected one of ward, economic_group, small_business, community_group, general, freelancer")
        }
    }

    @Test func aBookingOnNoSuchDaySaysSo() async throws {
        try await withTestServer { server in
            let response = try await booking(server, replacing: "date", with: #""2026-02-30""#)
            #expect(response.status == 422)
            #expect(message(response) == #"$.date: no such day: "2026-02-30" (2026-02 has 28 days)"#)
        }
    }

    @Test func anInstantThatWouldPrintPastTheYear9999IsRefused() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff","name":"Desk","expires_at":"9999-12-31T23:59:59-05:00"}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            #expect(message(response) == #"$.expires_at: "9999-12-31T23:59:59-05:00" is outside the years 0001 to 9999 in Japan time"#)
            let audit = try await server.client().send("GET", "/audit?since=9999-12-31T23:59:59-05:00", token: server.adminToken)
            #expect(audit.status == 422)
        }
    }

    @Test func aPastExpiryIsOneClearMessage() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff","name":"Desk","expires_at":"2020-01-01T00:00:00+09:00"}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            #expect(message(response) == "the expiry 2020-01-01T00:00:00+09:00 is not in the future (now: 2026-11-25T10:00:00+09:00)")
        }
    }

    // MARK: Text

    private func register(_ server: TestServer, name: String) async throws -> TestClient.Response {
        try await server.client().send("POST", "/registrations", body: #"{"category":"general","name":"\#(name)","in_ward":true}"#,
                                       token: server.adminToken)
    }

    @Test func aNameOfFlagsWithinTheCapIsStored() async throws {
        try await withTestServer { server in
            let response = try await register(server, name: String(repeating: "🇯🇵", count: 100))
            #expect(response.status == 201)
        }
    }

    @Test func aNameOfFlagsBeyondTheCapIs422NotA500() async throws {
        try await withTestServer { server in
            let response = try await register(server, name: String(repeating: "🇯🇵", count: 101))
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_name")
            #expect(message(response) == "`name` is at most 200 characters; this one has 202.")
        }
    }

    @Test func aDecomposedKanaNameIsStoredComposed() async throws {
        try await withTestServer { server in
            let decomposed = String(repeating: "\u{304B}\u{3099}", count: 200)   // が as か + ゛: 400 scalars, 200 composed
            let response = try await register(server, name: decomposed)
            #expect(response.status == 201)
            let name = try #require(response.object["name"] as? String)
            #expect(name.unicodeScalars.count == 200)
            #expect(name.unicodeScalars.allSatisfy { $0.value == 0x304C })
        }
    }

    @Test(arguments: [#"\u0000"#, #"\u001b[2J"#, #"\u2028"#, #"\u0085"#, #"\t"#])
    func aControlCharacterInTextIs422(_ escaped: String) async throws {
        try await withTestServer { server in
            let response = try await register(server, name: "山田" + escaped + "太郎")
            #expect(response.status == 422)
            #expect(message(response)?.contains("must not hold control characters") == true)
        }
    }

    @Test func aHugeClosureReasonInJapaneseIsRefused() async throws {
        try await withTestServer { server in
            let reason = String(repeating: "臨", count: 340_000)
            let response = try await server.client().send("POST", "/closures", body: #"{"date":"2026-12-10","reason_en":"Inspection","reason_ja":"\#(reason)"}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            let calendar = try await server.client().send("GET", "/calendar?from=2026-12-10&to=2026-12-10")
            #expect(calendar.body.count < 10_000)
        }
    }

    @Test func aClosureReasonInJapaneseBeyondItsCapIs422() async throws {
        try await withTestServer { server in
            let reason = String(repeating: "臨", count: 501)
            let response = try await server.client().send("POST", "/closures", body: #"{"date":"2026-12-10","reason_en":"Inspection","reason_ja":"\#(reason)"}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "reason_invalid")
        }
    }

    @Test func aFullWidthPhoneNumberIsStoredAsDigits() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/registrations",
                                                          body: #"{"category":"general","name":"山田","contact":"０９０－１１１１－２２２２","in_ward":true}"#,
                                                          token: server.adminToken)
            #expect(response.status == 201)
            #expect(response.object["contact"] as? String == "09011112222")
        }
    }

    @Test func aHyphenatedCorporateNumberIsCheckedAndStoredAsDigits() async throws {
        try await withTestServer { server in
            let body = #"{"category":"general","name":"株式会社","in_ward":true,"evidence":{"corporate_number":"７０００-０１２０-５０００-２"}}"#
            let response = try await server.client().send("POST", "/registrations", body: body, token: server.adminToken)
            #expect(response.status == 201)
            #expect((response.object["evidence"] as? [String: Any])?["corporate_number"] as? String == "7000012050002")
        }
    }
}
