import CenterDomain
import CenterService
import HTTPServer
import Testing
@testable import CenterAPI

/// Every error in Japanese and English: `Accept-Language` picks `message`
/// (Japanese by default), `message_ja` and `message_en` are both there, and
/// the code never changes.
@Suite(.serialized) struct JapaneseMessageTests {
    @Test func everyCodeAnyOperationOrTheServerAnswersHasJapanese() {
        var codes = Set(CenterAPI.endpoints.flatMap(\.errorCodes))
        codes.formUnion(HTTPProtocolError.Code.allCases.map(\.rawValue))
        codes.insert("internal_error")
        for code in codes.sorted() {
            let templates = MessageCatalogue.templates[code]
            #expect(templates != nil, "\(code) has no Japanese")
            let bare = MessageCatalogue.message(code: code, english: "", details: [:])?.ja
            #expect(bare.map { !$0.isEmpty && !$0.contains("{") } == true, "\(code): every template needs a detail")
        }
    }

    @Test func aSlotTakenReadsInJapaneseByDefaultAndInEnglishOnRequest() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let body = bookingBody("2026-12-10", ["am"], registration: registration)
            _ = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
            let ja = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
            #expect(ja.status == 409)
            #expect(ja.errorCode == "slot_taken")
            #expect(ja.errorMessageAsked == "会議室1の令和8年12月10日(木) 午前はすでに予約されています。")
            #expect(ja.headers["content-language"] == "ja")
            let en = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken,
                                                    headers: ["Accept-Language": "en-US,en;q=0.9,ja;q=0.5"])
            #expect(en.errorCode == "slot_taken")
            #expect(en.errorMessageAsked == "meeting-room-1 is already booked on 2026-12-10 (am).")
            #expect(en.errorMessageJa == ja.errorMessageAsked)
            #expect(en.headers["content-language"] == "en")
        }
    }

    @Test func aWindowNotOpenSaysWhenItOpensInBothLanguages() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let response = try await server.client().send("POST", "/bookings", body: bookingBody("2027-02-10", registration: registration),
                                                          token: server.adminToken)
            #expect(response.errorCode == "window_not_open")
            #expect(response.errorMessageJa == "令和9年2月10日(水)の予約は令和9年1月4日(月)から受け付けます。")
            #expect(response.errorMessage == "Booking for 2027-02-10 opens on 2027-01-04.")
        }
    }

    @Test func anUnknownStateFilterListsTheValidOnesInBothLanguages() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/bookings?state=confirmed", token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_parameter")
            #expect(response.errorMessageJa == "state には次のうち1つ以上をカンマ区切りで指定してください: provisional, paid, checked_in, done, lapsed, cancelled_by_user, cancelled_by_center, no_show（指定: \"confirmed\"）。")
            #expect(response.errorMessage == "`state` takes one or more of provisional, paid, checked_in, done, lapsed, cancelled_by_user, cancelled_by_center, no_show (comma-separated), got \"confirmed\"")
        }
    }

    @Test func anAuthErrorAnInputErrorAndARouteErrorAreInJapaneseToo() async throws {
        try await withTestServer { server in
            let client = server.client()
            let unauthorized = try await client.send("GET", "/bookings")
            #expect(unauthorized.status == 401)
            #expect(unauthorized.errorMessageAsked == "この操作には認証が必要です。Authorization: Bearer <トークン> を付けてください。")
            let missing = try await client.send("POST", "/bookings", body: #"{"facility":"gym"}"#, token: server.adminToken)
            #expect(missing.errorCode == "invalid_body")
            #expect(missing.errorMessageAsked == "$.date: 必須の項目がありません。")
            let notJSON = try await client.send("POST", "/bookings", body: "{", token: server.adminToken)
            #expect(notJSON.errorCode == "invalid_json")
            #expect(notJSON.errorMessageAsked?.hasPrefix("リクエスト本文が正しいJSONではありません（1行") == true)
            let route = try await client.send("GET", "/no-such-path", headers: ["Accept-Language": "en"])
            #expect(route.status == 404)
            #expect(route.errorMessageAsked == "No resource at this path.")
            #expect(route.errorMessageJa == "このURLには何もありません。")
        }
    }

    @Test func aTextFieldSaysWhichFieldAndWhatIsWrong() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let body = bookingBody("2026-12-10", registration: registration).replacingOccurrences(of: #""purpose":"Seminar""#,
                                                                                                   with: #""purpose":"  ""#)
            let response = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
            #expect(response.errorCode == "purpose_invalid")
            #expect(response.errorMessageAsked == "利用目的（purpose）を入力してください。")
        }
    }
}
