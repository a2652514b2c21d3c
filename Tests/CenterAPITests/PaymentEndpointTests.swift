import CalendarValues
import Foundation
import Testing
@testable import CenterAPI

/// Money at the counter through the real server: payments, the ledger,
/// refunds paid out, receipts (JSON and the page to print), the day's takings.
@Suite(.serialized) struct PaymentEndpointTests {
    /// A provisional booking of meeting-room-1 on 2026-12-10, am and pm (¥3,500), for 中野商事株式会社.
    static func booking(_ server: TestServer, _ client: TestClient, date: String = "2026-12-10") async throws -> Int {
        let registration = try await RegistrationSearchEndpointTests.register(server, "中野商事株式会社", #""confirm_new":true"#,
                                                                              client: client)
        return try await server.book(date, ["am", "pm"], registration: Int64(registration), client: client)
    }

    static func pay(_ client: TestClient, _ server: TestServer, _ booking: Int, _ amount: Int, _ method: String = "cash",
                    by staff: String? = nil) async throws -> TestClient.Response {
        let who = staff.map { #","taken_by":"\#($0)""# } ?? ""
        return try await client.send("POST", "/bookings/\(booking)/payments", body: #"{"amount":\#(amount),"method":"\#(method)"\#(who)}"#,
                                     token: server.adminToken)
    }

    /// The text a person sees on an HTML page: the body's text, a line per
    /// block, blank lines dropped.
    static func visibleLines(_ html: String) -> [String] {
        var text = html
        if let head = text.range(of: "<head>"), let end = text.range(of: "</head>") { text.removeSubrange(head.lowerBound..<end.upperBound) }
        let stripped = text.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
        return stripped.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let printed = [
        "領収書",
        "No. 2026-000001（令和8年度）",
        "発行日 令和8年11月25日(水)",
        "中野商事株式会社 様",
        "金額 ¥3,500-（税込）",
        "（内消費税等 10% ¥318）",
        "但し 会議室1 令和8年12月10日(木) 午前・午後 使用料として",
        "上記の金額を現金にて正に領収いたしました。",
        "中野区産業振興センター",
        "指定管理者❶〜❺",
    ]

    @Test func aPartPaymentIsTakenAndTheRestShownOutstanding() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            let taken = try await Self.pay(client, server, booking, 1000, by: "山田")
            #expect(taken.status == 201)
            #expect((taken.object["payment"] as? [String: Any])?["taken_by"] as? String == "山田")
            let account = taken.object["account"] as? [String: Any]
            #expect(account?["outstanding"] as? Int == 2500)
            #expect(account?["payment_status"] as? String == "partial")
            #expect(account?["payment_status_ja"] as? String == "一部入金")
            #expect(account?["state"] as? String == "provisional")
            let rest = try await Self.pay(client, server, booking, 2500, "card")
            #expect((rest.object["account"] as? [String: Any])?["state"] as? String == "paid")
            let ledger = try await client.send("GET", "/bookings/\(booking)/ledger", token: server.adminToken)
            #expect(ledger.status == 200)
            #expect((ledger.object["payments"] as? [[String: Any]])?.map { $0["method_ja"] as? String } == ["現金", "カード"])
            #expect(ledger.object["paid"] as? Int == 3500)
        }
    }

    @Test func anOverpaymentIsRefusedWithWhatIsOutstanding() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            let response = try await Self.pay(client, server, booking, 5000)
            #expect(response.status == 409)
            #expect(response.errorCode == "overpayment")
            #expect(((response.object["error"] as? [String: Any])?["details"] as? [String: String])?["outstanding"] == "3500")
            #expect(try await Self.pay(client, server, booking, 0).errorCode == "payment_amount_invalid")
            #expect(try await Self.pay(client, server, booking, 100, "cheque").errorCode == "invalid_body")
        }
    }

    @Test func aRetriedPaymentIsTakenOnce() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            let body = #"{"amount":1000,"method":"cash"}"#
            let first = try await client.send("POST", "/bookings/\(booking)/payments", body: body, token: server.adminToken,
                                              headers: ["Idempotency-Key": "pay-1"])
            let retry = try await client.send("POST", "/bookings/\(booking)/payments", body: body, token: server.adminToken,
                                              headers: ["Idempotency-Key": "pay-1"])
            #expect(first.status == 201 && retry.status == 201)
            #expect(retry.headers["idempotent-replayed"] == "true")
            #expect(retry.body == first.body)
            let ledger = try await client.send("GET", "/bookings/\(booking)/ledger", token: server.adminToken)
            #expect(ledger.object["paid"] as? Int == 1000)
        }
    }

    @Test func theFirstAPIsPaymentCallRecordsWhatIsOutstandingByTheMethodGiven() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            _ = try await Self.pay(client, server, booking, 500)
            let paid = try await client.send("POST", "/bookings/\(booking)/payment", body: #"{"method":"bank_transfer"}"#,
                                             token: server.adminToken)
            #expect(paid.status == 200)
            #expect(paid.object["state"] as? String == "paid")
            let payments = try await client.send("GET", "/bookings/\(booking)/ledger", token: server.adminToken).object["payments"]
                as? [[String: Any]]
            #expect(payments?.map { $0["amount"] as? Int } == [500, 3000])
            #expect(payments?.last?["method"] as? String == "bank_transfer")
            let again = try await client.send("POST", "/bookings/\(booking)/payment", token: server.adminToken)
            #expect(again.errorCode == "invalid_transition")
        }
    }

    @Test func aCancellationsRefundIsALedgerLinePaidOutLater() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            _ = try await client.send("POST", "/bookings/\(booking)/payment", token: server.adminToken)
            _ = try await client.send("POST", "/bookings/\(booking)/cancel", body: #"{"by_center":true}"#, token: server.adminToken)
            let ledger = try await client.send("GET", "/bookings/\(booking)/ledger", token: server.adminToken)
            #expect((ledger.object["refunds"] as? [[String: Any]])?.first?["owed"] as? Int == 3500)
            #expect(ledger.object["refund_owed"] as? Int == 3500)
            let invoice = try await client.send("POST", "/bookings/\(booking)/refunds/1/paid-out", body: #"{"method":"invoice"}"#,
                                                token: server.adminToken)
            #expect(invoice.errorCode == "refund_method_invalid")
            let paid = try await client.send("POST", "/bookings/\(booking)/refunds/1/paid-out",
                                             body: #"{"method":"cash","paid_by":"佐藤"}"#, token: server.adminToken)
            #expect(paid.status == 200)
            #expect(paid.object["refund_owed"] as? Int == 0)
            let payout = ((paid.object["refunds"] as? [[String: Any]])?.first?["payouts"] as? [[String: Any]])?.first
            #expect(payout?["paid_by"] as? String == "佐藤")
            let twice = try await client.send("POST", "/bookings/\(booking)/refunds/1/paid-out", body: #"{"method":"cash"}"#,
                                              token: server.adminToken)
            #expect(twice.errorCode == "refund_payout_exceeds_due")
            let unknown = try await client.send("POST", "/bookings/\(booking)/refunds/2/paid-out", body: #"{"method":"cash"}"#,
                                                token: server.adminToken)
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "refund_not_found")
        }
    }

    @Test func aReceiptsExactTextInJSONAndOnThePrintedPage() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            _ = try await client.send("POST", "/bookings/\(booking)/payment", token: server.adminToken)
            let issued = try await client.send("POST", "/bookings/\(booking)/receipt", token: server.adminToken)
            #expect(issued.status == 201)
            #expect(issued.object["lines"] as? [String] == Self.printed)
            #expect(issued.object["number"] as? String == "2026-000001")
            let json = try await client.send("GET", "/receipts/2026-000001", token: server.adminToken)
            #expect(json.object["lines"] as? [String] == Self.printed)
            let page = try await client.send("GET", "/receipts/2026-000001.html", token: server.adminToken)
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(Self.visibleLines(page.text) == Self.printed)
            #expect(page.text.contains("@page { size: A5 landscape;"))
            let a4 = try await client.send("GET", "/receipts/2026-000001?paper=a4", token: server.adminToken,
                                           headers: ["Accept": "text/html"])
            #expect(Self.visibleLines(a4.text) == Self.printed)
            #expect(a4.text.contains("@page { size: A4 portrait;"))
            #expect(try await client.send("GET", "/receipts/2026-000001?paper=b5", token: server.adminToken).status == 422)
        }
    }

    @Test func aPayerNameIsEscapedOnThePage() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            _ = try await client.send("POST", "/bookings/\(booking)/payment", token: server.adminToken)
            let issued = try await client.send("POST", "/bookings/\(booking)/receipt", body: #"{"payer":"<b>A&B</b> \"商会\""}"#,
                                               token: server.adminToken)
            #expect(issued.status == 201)
            let page = try await client.send("GET", "/receipts/2026-000001.html", token: server.adminToken)
            #expect(page.text.contains("&lt;b&gt;A&amp;B&lt;/b&gt; &quot;商会&quot; 様"))
            #expect(!page.text.contains("<b>"))
        }
    }

    @Test func aReissueKeepsTheNumberAndIsMarkedOnThePage() async throws {
        try await withTestServer { server in
            let client = server.client()
            let booking = try await Self.booking(server, client)
            _ = try await client.send("POST", "/bookings/\(booking)/payment", token: server.adminToken)
            _ = try await client.send("POST", "/bookings/\(booking)/receipt", token: server.adminToken)
            let again = try await client.send("POST", "/bookings/\(booking)/receipt", body: #"{"payment":1}"#, token: server.adminToken)
            #expect(again.status == 409)
            #expect(again.errorCode == "receipt_already_issued")
            server.setClock("2026-12-01")
            let reissued = try await client.send("POST", "/receipts/2026-000001/reissue", token: server.adminToken)
            #expect(reissued.status == 200)
            #expect(reissued.object["number"] as? String == "2026-000001")
            let page = try await client.send("GET", "/receipts/2026-000001.html", token: server.adminToken)
            #expect(Array(Self.visibleLines(page.text).prefix(4)) == ["領収書（再発行）", "No. 2026-000001（令和8年度）",
                                                                      "発行日 令和8年11月25日(水)", "再発行日 令和8年12月1日(火)"])
            #expect(try await client.send("GET", "/receipts/2026-000002", token: server.adminToken).errorCode == "receipt_not_found")
            #expect(try await client.send("GET", "/receipts/latest", token: server.adminToken).status == 404)
        }
    }

    @Test func receiptNumbersStartAgainInANewFiscalYear() async throws {
        try await withTestServer(now: Instant(japanDate: LocalDate(year: 2027, month: 3, day: 31)!, minuteOfDay: 600)) { server in
            let client = server.client()
            let booking = try await Self.booking(server, client, date: "2027-04-10")
            _ = try await Self.pay(client, server, booking, 1000)
            let march = try await client.send("POST", "/bookings/\(booking)/receipt", token: server.adminToken)
            _ = try await Self.pay(client, server, booking, 1000)
            let marchAgain = try await client.send("POST", "/bookings/\(booking)/receipt", token: server.adminToken)
            server.setClock("2027-04-01", minute: 540)
            _ = try await Self.pay(client, server, booking, 1500)
            let april = try await client.send("POST", "/bookings/\(booking)/receipt", token: server.adminToken)
            #expect([march, marchAgain, april].map { $0.object["number"] as? String } == ["2026-000001", "2026-000002", "2027-000001"])
            #expect(april.object["fiscal_year_label"] as? String == "令和9年度")
            #expect((april.object["lines"] as? [String])?[1] == "No. 2027-000001（令和9年度）")
            #expect(april.object["purpose"] as? String == "会議室1 令和9年4月10日(土) 午前・午後 使用料の一部として")
        }
    }

    @Test func theDaysTakingsAreByMethodAndStaffInJSONAndInCSVForExcel() async throws {
        try await withTestServer { server in
            let client = server.client()
            let first = try await Self.booking(server, client)
            let second = try await Self.booking(server, client, date: "2026-12-11")
            _ = try await Self.pay(client, server, first, 3500, by: "山田")
            _ = try await Self.pay(client, server, second, 2000, "card", by: "佐藤")
            _ = try await client.send("POST", "/bookings/\(first)/cancel", body: #"{"by_center":true}"#, token: server.adminToken)
            _ = try await client.send("POST", "/bookings/\(first)/refunds/1/paid-out", body: #"{"method":"cash","amount":1000,"paid_by":"佐藤"}"#,
                                      token: server.adminToken)
            let json = try await client.send("GET", "/reports/daily-takings?date=2026-11-25", token: server.adminToken)
            #expect(json.status == 200)
            let total = json.object["total"] as? [String: Any]
            #expect(total?["received"] as? Int == 5500)
            #expect(total?["refunded"] as? Int == 1000)
            #expect(total?["net"] as? Int == 4500)
            let cash = (json.object["by_method"] as? [[String: Any]])?.first
            #expect(cash?["method"] as? String == "cash")
            #expect(cash?["net"] as? Int == 2500)
            #expect((json.object["by_staff"] as? [[String: Any]])?.map { $0["label"] as? String } == ["佐藤", "山田"])
            let csv = try await client.send("GET", "/reports/daily-takings?date=2026-11-25&format=csv", token: server.adminToken)
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(csv.headers["content-disposition"] == "attachment; filename=\"daily-takings-2026-11-25-method.csv\"")
            let (bom, rows) = csvRows(csv.body)
            #expect(bom)
            #expect(csv.text.contains("\r\n"))
            #expect(rows == [["日付", "支払方法", "入金件数", "入金額", "還付件数", "還付額", "差引"],
                             ["2026-11-25", "現金", "1", "3500", "1", "1000", "2500"],
                             ["2026-11-25", "カード", "1", "2000", "0", "0", "2000"],
                             ["2026-11-25", "振込", "0", "0", "0", "0", "0"],
                             ["2026-11-25", "請求書払い", "0", "0", "0", "0", "0"],
                             ["2026-11-25", "合計", "2", "5500", "1", "1000", "4500"]])
            let staff = try await client.send("GET", "/reports/daily-takings?date=2026-11-25&format=csv&by=staff", token: server.adminToken)
            #expect(csvRows(staff.body).rows.map { $0[1] } == ["担当者", "佐藤", "山田", "合計"])
            let today = try await client.send("GET", "/reports/daily-takings", token: server.adminToken)
            #expect(today.object["date"] as? String == "2026-11-25")
        }
    }

    @Test func membersReadTheirOwnLedgerButTakeNoMoney() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let booking = try await server.book("2026-12-10", registration: registration, client: client)
            let member = try await server.token(.member, registrationID: registration)
            #expect(try await client.send("GET", "/bookings/\(booking)/ledger", token: member).status == 200)
            #expect(try await client.send("POST", "/bookings/\(booking)/payments", body: #"{"amount":1,"method":"cash"}"#,
                                          token: member).status == 403)
            #expect(try await client.send("GET", "/reports/daily-takings", token: member).status == 403)
            #expect(try await client.send("GET", "/receipts/2026-000001", token: member).status == 403)
        }
    }
}
