import Testing
@testable import CenterAPI

/// `GET /reports/community-quota`: per quota facility of a month, in JSON or CSV.
@Suite(.serialized) struct ReportEndpointTests {
    @Test func theReportListsEveryQuotaFacilityWithItsUnits() async throws {
        let server = try await TestServer()
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
        await server.stop()
    }

    @Test func acceptTextCSVGivesCSVWithAByteOrderMark() async throws {
        let server = try await TestServer()
        let response = try await server.client().send("GET", "/reports/community-quota?month=2027-01", token: server.adminToken,
                                                       headers: ["Accept": "text/csv"])
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(response.text.contains("facility,month,share,bookable_units"))
        #expect(response.text.split(separator: "\r\n").count == 5)
        await server.stop()
    }

    @Test func aMalformedMonthIs422() async throws {
        let server = try await TestServer()
        let response = try await server.client().send("GET", "/reports/community-quota?month=2027-13", token: server.adminToken)
        #expect(response.status == 422)
        await server.stop()
    }
}
