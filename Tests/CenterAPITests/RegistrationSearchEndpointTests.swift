import Foundation
import Testing
@testable import CenterAPI

/// `GET /registrations` and the registration's フリガナ, address and
/// duplicate check through the real server.
@Suite(.serialized) struct RegistrationSearchEndpointTests {
    /// Registers `name` with `fields` (JSON members) through the API; the id.
    static func register(_ server: TestServer, _ name: String, _ fields: String = "", client: TestClient) async throws -> Int {
        let body = #"{"category":"general","name":"\#(name)","in_ward":true\#(fields.isEmpty ? "" : "," + fields)}"#
        let response = try await client.send("POST", "/registrations", body: body, token: server.adminToken)
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestFailure("registration failed: \(response.status) \(response.text)")
        }
        return id
    }

    static func ids(_ response: TestClient.Response) -> [Int] { response.array.compactMap { $0["id"] as? Int } }

    @Test func halfWidthKanaFindsTheKanjiNameByItsKanaAndTheKatakanaName() async throws {
        try await withTestServer { server in
            let client = server.client()
            let amada = try await Self.register(server, "天田 一郎", #""name_kana":"あまだ いちろう""#, client: client)
            let shop = try await Self.register(server, "アマダ商店", client: client)
            _ = try await Self.register(server, "山田 花子", #""name_kana":"ヤマダ ハナコ""#, client: client)
            let typed = try await client.send("GET", "/registrations?q=ｱﾏﾀﾞ", token: server.adminToken)
            #expect(typed.status == 200)
            #expect(Self.ids(typed) == [amada, shop])
            let encoded = try await client.send("GET", "/registrations?q=%EF%BD%B1%EF%BE%8F%EF%BE%80%EF%BE%9E", token: server.adminToken)
            #expect(Self.ids(encoded) == [amada, shop])
            #expect(typed.array.first?["name_kana"] as? String == "アマダ　イチロウ")
        }
    }

    @Test func aJapaneseQueryTypedOrPercentEncodedFindsTheSame() async throws {
        try await withTestServer { server in
            let client = server.client()
            let id = try await Self.register(server, "山田 花子", client: client)
            #expect(Self.ids(try await client.send("GET", "/registrations?q=山田", token: server.adminToken)) == [id])
            #expect(Self.ids(try await client.send("GET", "/registrations?q=%E5%B1%B1%E7%94%B0", token: server.adminToken)) == [id])
            #expect(Self.ids(try await client.send("GET", "/registrations?q=%E5%B1%B1+%E7%94%B0", token: server.adminToken)) == [id])
        }
    }

    @Test func aQueryThatIsNotUTF8IsRefusedWithItsCode() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/registrations?q=%8ER%93c", token: server.adminToken)
            #expect(response.status == 400)
            #expect(response.errorCode == "invalid_encoding")
        }
    }

    @Test func aBlankQueryIsRefusedNotAListOfEveryone() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/registrations?q=%E3%80%80", token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "search_query_invalid")
        }
    }

    @Test func phoneCorporateNumberCategoryAndStateFilter() async throws {
        try await withTestServer { server in
            let client = server.client()
            let phone = try await Self.register(server, "電話の人", #""contact":"090-1111-2222""#, client: client)
            let company = try await Self.register(server, "国税商事", #""evidence":{"corporate_number":"7000012050002"}"#, client: client)
            #expect(Self.ids(try await client.send("GET", "/registrations?phone=2222", token: server.adminToken)) == [phone])
            #expect(Self.ids(try await client.send("GET", "/registrations?corporate_number=7000-0120-5000-2",
                                                    token: server.adminToken)) == [company])
            #expect(Self.ids(try await client.send("GET", "/registrations?category=general&state=active",
                                                    token: server.adminToken)) == [phone, company])
            #expect(try await client.send("GET", "/registrations?phone=22", token: server.adminToken).errorCode == "invalid_parameter")
            #expect(try await client.send("GET", "/registrations?corporate_number=1234567890123",
                                          token: server.adminToken).errorCode == "invalid_parameter")
            #expect(try await client.send("GET", "/registrations?state=lost", token: server.adminToken).errorCode == "invalid_parameter")
        }
    }

    @Test func pagesFollowTheLastIdSeen() async throws {
        try await withTestServer { server in
            let client = server.client()
            var ids: [Int] = []
            for n in 1...3 { ids.append(try await Self.register(server, "ページ\(n)", client: client)) }
            let first = try await client.send("GET", "/registrations?q=ページ&limit=2", token: server.adminToken)
            #expect(Self.ids(first) == Array(ids[0..<2]))
            let next = try await client.send("GET", "/registrations?q=ページ&limit=2&after_id=\(ids[1])", token: server.adminToken)
            #expect(Self.ids(next) == [ids[2]])
            #expect(try await client.send("GET", "/registrations?limit=0", token: server.adminToken).status == 422)
        }
    }

    @Test func onlyStaffSearch() async throws {
        try await withTestServer { server in
            let id = try await server.register("general")
            let member = try await server.token(.member, registrationID: id)
            #expect(try await server.client().send("GET", "/registrations?q=a", token: member).status == 403)
            #expect(try await server.client().send("GET", "/registrations?q=a").status == 401)
        }
    }

    @Test func kanaAndThePostalAddressAreStoredAndShown() async throws {
        try await withTestServer { server in
            let client = server.client()
            let id = try await Self.register(
                server, "山田 花子", #""name_kana":"ﾔﾏﾀﾞ ﾊﾅｺ","postal_code":"〒１６４－０００１","address":"東京都中野区中野二丁目13番14号""#,
                client: client)
            let read = try await client.send("GET", "/registrations/\(id)", token: server.adminToken)
            #expect(read.object["name_kana"] as? String == "ヤマダ　ハナコ")
            #expect(read.object["postal_code"] as? String == "164-0001")
            #expect(read.object["address"] as? String == "東京都中野区中野二丁目13番14号")
            let patched = try await client.send("PATCH", "/registrations/\(id)", body: #"{"name_kana":null}"#, token: server.adminToken)
            #expect(patched.status == 200)
            #expect(patched.object["name_kana"] == nil)
            let bad = try await client.send("POST", "/registrations", body: #"{"category":"general","name":"x","in_ward":true,"name_kana":"Yamada"}"#,
                                            token: server.adminToken)
            #expect(bad.status == 422)
            #expect(bad.errorCode == "name_kana_invalid")
        }
    }

    @Test func aSecondIdenticalRegistrationIsAPossibleDuplicateUnlessConfirmed() async throws {
        try await withTestServer { server in
            let client = server.client()
            let first = try await Self.register(server, "山田 花子", #""contact":"090-1111-2222""#, client: client)
            let body = #"{"category":"general","name":"山田　花子","contact":"０９０－１１１１－２２２２","in_ward":true}"#
            let refused = try await client.send("POST", "/registrations", body: body, token: server.adminToken)
            #expect(refused.status == 409)
            #expect(refused.errorCode == "possible_duplicate")
            let details = (refused.object["error"] as? [String: Any])?["details"] as? [String: Any]
            #expect(details?["registrations"] as? String == String(first))
            #expect(details?["reasons"] as? String == "\(first):name_and_phone")
            let matches = details?["matches"] as? [[String: Any]]
            #expect((matches?.first?["registration"] as? [String: Any])?["name"] as? String == "山田 花子")
            #expect(matches?.first?["reasons"] as? [String] == ["name_and_phone"])
            let confirmed = try await client.send("POST", "/registrations", body: String(body.dropLast()) + #","confirm_new":true}"#,
                                                  token: server.adminToken)
            #expect(confirmed.status == 201)
        }
    }
}
