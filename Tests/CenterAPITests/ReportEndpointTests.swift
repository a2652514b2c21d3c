import Foundation
import Testing
@testable import CenterAPI

/// A CSV body split into rows and fields (RFC 4180, no quoted commas in our
/// figures), with whether it started with the UTF-8 byte order mark.
func csvRows(_ body: [UInt8]) -> (bom: Bool, rows: [[String]]) {
    let bom = body.starts(with: [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bom ? Array(body.dropFirst(3)) : body, as: UTF8.self)
    let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
    return (bom, rows)
}

/// `GET /reports/utilization`, `/reports/revenue` and `/reports/community-quota`
/// through the real server, in JSON and CSV.
@Suite(.serialized) struct ReportEndpointTests {
    @Test func utilizationCountsOpenBookedUsedAndNoShowUnitsPerRoomAndMonth() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let used = try await server.book("2026-12-10", ["am", "pm"], registration: registration, client: client)
            _ = try await server.book("2026-12-11", ["night"], registration: registration, client: client)
            let cancelled = try await server.book("2026-12-14", registration: registration, client: client)
            _ = try await client.send("POST", "/bookings/\(used)/payment", token: server.adminToken)
            _ = try await client.send("POST", "/bookings/\(cancelled)/cancel", body: "{}", token: server.adminToken)
            server.setClock("2026-12-10", minute: 540)
            _ = try await client.send("POST", "/bookings/\(used)/check-in", token: server.adminToken)
            let report = try await client.send("GET", "/reports/utilization?fiscal_year=2026", token: server.adminToken)
            #expect(report.status == 200)
            let line = try #require(report.array.first { $0["facility"] as? String == "meeting-room-1" && $0["month"] as? String == "2026-12" })
            #expect(line["booked_units"] as? Int == 3)
            #expect(line["used_units"] as? Int == 2)
            #expect(line["no_show_units"] as? Int == 0)
            // December 2026: 31 days less the regular closed day (21st) and the year-end (29th–31st), 3 divisions a day.
            #expect(line["open_units"] as? Int == (31 - 4) * 3)
            #expect(report.array.count % 12 == 0)
            #expect(report.array.contains { $0["facility"] as? String == "flexible-desks" })
        }
    }

    @Test func utilizationSumsTheFlexibleDesksPerMonthInDeskPeriods() async throws {
        try await withTestServer { server in
            let client = server.client()
            let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
            let first = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "am"), token: a.token)
            _ = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "pm"), token: b.token)
            server.setClock("2026-11-26", minute: 9 * 60 + 5)
            _ = try await client.send("POST", "/desk-passes/\(first)/check-in", token: server.adminToken)
            let daily = try await client.send("GET", "/reports/desk-occupancy?from=2026-11-01&to=2026-11-30", token: server.adminToken)
            let days = daily.object["desks"] as? [[String: Any]] ?? []
            let report = try await client.send("GET", "/reports/utilization?fiscal_year=2026", token: server.adminToken)
            let desks = try #require(report.array.first { $0["facility"] as? String == "flexible-desks" && $0["month"] as? String == "2026-11" })
            #expect(desks["booked_units"] as? Int == 2)
            #expect(desks["used_units"] as? Int == 1)
            #expect(desks["open_units"] as? Int == days.reduce(0) { $0 + ($1["desks"] as? Int ?? 0) })
        }
    }

    @Test func utilizationCSVHasBOMJapaneseHeadersAndTheJSONFigures() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            _ = try await server.book("2026-12-10", ["am", "pm"], registration: registration, client: client)
            let json = try await client.send("GET", "/reports/utilization?fiscal_year=2026", token: server.adminToken)
            let csv = try await client.send("GET", "/reports/utilization?fiscal_year=2026&format=csv", token: server.adminToken)
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(csv.headers["content-disposition"] == #"attachment; filename="utilization-FY2026.csv""#)
            let (bom, rows) = csvRows(csv.body)
            #expect(bom)
            #expect(rows.first == ["年度", "年月", "施設ID", "施設", "利用可能コマ数", "予約コマ数", "利用コマ数", "無断キャンセル"])
            #expect(rows.count == json.array.count + 1)
            for (row, line) in zip(rows.dropFirst(), json.array) {
                #expect(row[1] == line["month"] as? String)
                #expect(row[2] == line["facility"] as? String)
                #expect(Int(row[4]) == line["open_units"] as? Int)
                #expect(Int(row[5]) == line["booked_units"] as? Int)
            }
        }
    }

    @Test func acceptTextCSVGivesCSV() async throws {
        try await withTestServer { server in
            let csv = try await server.client().send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken,
                                                     headers: ["accept": "text/csv"])
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(csv.headers["content-disposition"] == #"attachment; filename="revenue-FY2026.csv""#)
            #expect(csvRows(csv.body).rows.first?.contains("指定管理者") == true)
        }
    }

    @Test func revenueBelongsToTheManagerInChargeOnTheDateOfUse() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let id = try await server.book("2026-12-10", ["am", "pm"], registration: registration, client: client)
            let paid = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            let fee = try #require(paid.object["fee_total"] as? Int)
            let manager = try await client.send("GET", "/managers/current?date=2026-12-10").object["id"] as? String
            let report = try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken)
            #expect(report.status == 200)
            let december = report.array.filter { $0["month"] as? String == "2026-12" }
            #expect(december.count == 1)
            #expect(december.first?["manager"] as? String == manager)
            #expect(december.first?["fees"] as? Int == fee)
            #expect(december.first?["net"] as? Int == fee)
            let total = report.array.reduce(0) { $0 + ($1["fees"] as? Int ?? 0) }
            #expect(total == fee)
        }
    }

    @Test func revenueShowsTheYenExemptionsTookOff() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            var body = bookingBody("2026-12-10", ["am", "pm"], registration: registration)
            body.removeLast()
            body += #","exemptions":["ward_sponsored"]}"#
            let booked = try await client.send("POST", "/bookings", body: body, token: server.adminToken)
            let id = try #require(booked.object["id"] as? Int)
            let perDay = (booked.object["fee"] as? [String: Any])?["per_day"] as? [String: Any]
            let exempted = try #require((perDay?["exemptions"] as? [[String: Any]])?.first?["amount"] as? Int)
            _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            let report = try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken)
            let december = try #require(report.array.first { $0["month"] as? String == "2026-12" })
            #expect(exempted > 0)
            #expect(december["exemptions"] as? Int == exempted)
            #expect(december["fees"] as? Int == booked.object["fee_total"] as? Int)
        }
    }

    @Test func revenueOfABookingOverAMonthEndIsSplitByDayOfUse() async throws {
        try await withTestServer { server in
            let client = server.client()
            server.setClock("2027-01-05")
            let registration = try await server.register("general")
            let id = try await server.book("2027-01-30", days: 3, registration: registration, client: client)
            let paid = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            let total = try #require(paid.object["fee_total"] as? Int)
            let report = try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken).array
            let january = report.first { $0["month"] as? String == "2027-01" }?["fees"] as? Int
            let february = report.first { $0["month"] as? String == "2027-02" }?["fees"] as? Int
            #expect(january == total / 3 * 2 + total % 3)
            #expect(february == total / 3)
        }
    }

    @Test func revenueCountsRefundsAgainstTheMonthOfUse() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let id = try await server.book("2026-12-10", registration: registration, client: client)
            _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            server.setClock("2026-12-06")
            let cancelled = try await client.send("POST", "/bookings/\(id)/cancel", body: "{}", token: server.adminToken)
            let refund = try #require((cancelled.object["refund"] as? [String: Any])?["amount"] as? Int)
            let report = try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken)
            let december = try #require(report.array.first { $0["month"] as? String == "2026-12" })
            #expect(december["refunds"] as? Int == refund)
            #expect(december["net"] as? Int == (december["fees"] as? Int ?? 0) - refund)
        }
    }

    @Test func revenueCSVMatchesTheJSONLines() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let id = try await server.book("2026-12-10", registration: registration, client: client)
            _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            let json = try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken).array
            let rows = csvRows(try await client.send("GET", "/reports/revenue?fiscal_year=2026&format=csv", token: server.adminToken).body).rows
            #expect(rows.first == ["年度", "年月", "指定管理者ID", "指定管理者", "事業者", "使用料", "還付", "減免", "差引収入",
                                   "うち区の使用料", "うち指定管理者の利用料金"])
            #expect(rows.count == json.count + 1)
            for (row, line) in zip(rows.dropFirst(), json) {
                #expect(row[1] == line["month"] as? String)
                #expect(Int(row[5]) == line["fees"] as? Int)
                #expect(Int(row[8]) == line["net"] as? Int)
                #expect(Int(row[9]) == line["ward_usage_fees"] as? Int)
                #expect(Int(row[10]) == line["manager_fee_income"] as? Int)
            }
        }
    }

    @Test func communityGroupsFeesAreTheWardsUsageFeesApartFromTheManagersIncome() async throws {
        try await withTestServer { server in
            let client = server.client()
            let community = try await server.register("community_group")
            let general = try await server.register("general")
            let communityBooking = try await server.book("2026-12-10", registration: community, client: client)
            let generalBooking = try await server.book("2026-12-11", registration: general, client: client)
            var fees: [Int] = []
            for id in [communityBooking, generalBooking] {
                let paid = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
                fees.append(try #require(paid.object["fee_total"] as? Int))
            }
            let report = try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: server.adminToken)
            let december = try #require(report.array.first { $0["month"] as? String == "2026-12" })
            #expect(december["ward_usage_fees"] as? Int == fees[0])
            #expect(december["manager_fee_income"] as? Int == fees[1])
            #expect(december["net"] as? Int == fees[0] + fees[1])
        }
    }

    @Test func badFiscalYearIsUnprocessable() async throws {
        try await withTestServer { server in
            let client = server.client()
            for query in ["fiscal_year=abc", "fiscal_year=1999", "fiscal_year=", "format=csv"] {
                let response = try await client.send("GET", "/reports/utilization?\(query)", token: server.adminToken)
                #expect(response.status == 422)
                #expect(response.errorCode == "invalid_parameter")
            }
            #expect(try await client.send("GET", "/reports/revenue?fiscal_year=20260", token: server.adminToken).status == 422)
        }
    }

    @Test func unknownFormatIsUnprocessable() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/reports/utilization?fiscal_year=2026&format=xlsx", token: server.adminToken)
            #expect(response.status == 422)
        }
    }

    @Test func communityQuotaReportComesAsCSVToo() async throws {
        try await withTestServer { server in
            let client = server.client()
            let json = try await client.send("GET", "/reports/community-quota?month=2026-12", token: server.adminToken).array
            let csv = try await client.send("GET", "/reports/community-quota?month=2026-12&format=csv", token: server.adminToken)
            #expect(csv.headers["content-disposition"] == #"attachment; filename="community-quota-2026-12.csv""#)
            let rows = csvRows(csv.body).rows
            #expect(rows.first?.contains("利用可能コマ数") == true)
            #expect(rows.count == json.count + 1)
            #expect(rows.dropFirst().map { $0[1] } == json.map { $0["facility"] as? String ?? "" })
        }
    }

    @Test func communityQuotaListsEveryQuotaFacilityWithItsUnits() async throws {
        try await withTestServer { server in
            let community = try await server.register("community_group")
            _ = try await server.client().send("POST", "/bookings", body: bookingBody("2027-01-12", ["am", "pm"], facility: "gym",
                                                                                     registration: community), token: server.adminToken)
            let response = try await server.client().send("GET", "/reports/community-quota?month=2027-01", token: server.adminToken)
            #expect(response.status == 200)
            #expect(Set(response.array.compactMap { $0["facility"] as? String })
                    == ["multipurpose-hall", "gym", "small-gym", "large-meeting-room"])
            let gym = response.array.first { $0["facility"] as? String == "gym" }
            #expect(gym?["bookable_units"] as? Int == 81)
            #expect(gym?["community_units"] as? Int == 2)
            #expect(gym?["non_community_ceiling"] as? Int == 56)
        }
    }

    @Test func communityQuotaMalformedMonthIs422() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/reports/community-quota?month=2027-13", token: server.adminToken)
            #expect(response.status == 422)
        }
    }

    @Test func lockersReportCountsLeasesInEffectPerMonthWithTheirFees() async throws {
        try await withTestServer { server in
            let client = server.client()
            let first = try await server.registration("Kabushiki Kaisha A")
            let second = try await server.registration("Kabushiki Kaisha B")
            _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(first, number: LockerBody.number(1)), token: server.adminToken)
            _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(second, number: LockerBody.number(2), start: "2027-01"),
                                      token: server.adminToken)
            let report = try await client.send("GET", "/reports/lockers?fiscal_year=2026", token: server.adminToken)
            #expect(report.status == 200)
            let months = Dictionary(uniqueKeysWithValues: report.array.map { ($0["month"] as? String ?? "", $0) })
            #expect(report.array.count == 12)
            #expect(months["2026-11"]?["leased"] as? Int == 0)
            #expect(months["2026-12"]?["leased"] as? Int == 1)
            #expect(months["2027-01"]?["leased"] as? Int == 2)
            #expect(months["2027-01"]?["started"] as? Int == 1)
            #expect(months["2027-01"]?["fees"] as? Int == 6000)
            #expect(months["2027-01"]?["lockers"] as? Int == 30)
        }
    }

    @Test func lockersReportCSVMatchesTheJSON() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.registration("Kabushiki Kaisha A")
            _ = try await client.send("POST", "/locker-leases", body: LockerBody.lease(registration), token: server.adminToken)
            let json = try await client.send("GET", "/reports/lockers?fiscal_year=2026", token: server.adminToken).array
            let csv = try await client.send("GET", "/reports/lockers?fiscal_year=2026&format=csv", token: server.adminToken)
            #expect(csv.headers["content-disposition"] == #"attachment; filename="lockers-FY2026.csv""#)
            let rows = csvRows(csv.body).rows
            #expect(rows.first == ["年度", "年月", "ロッカー数", "貸出中", "新規契約", "契約終了", "賃料"])
            #expect(rows.dropFirst().map { Int($0[3]) } == json.map { $0["leased"] as? Int })
        }
    }

    @Test func reportsNeedAStaffToken() async throws {
        try await withTestServer { server in
            let client = server.client()
            #expect(try await client.send("GET", "/reports/utilization?fiscal_year=2026").status == 401)
            let registration = try await server.register("general")
            let member = try await server.token(.member, registrationID: registration)
            #expect(try await client.send("GET", "/reports/revenue?fiscal_year=2026", token: member).status == 403)
        }
    }
}
