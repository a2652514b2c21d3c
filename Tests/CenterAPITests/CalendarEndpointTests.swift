import Testing

/// `/holidays` and `/calendar` through HTTP, including bad input.
@Suite(.serialized) struct CalendarEndpointTests {
    @Test func holidaysOf2026AreTheCabinetOfficeList() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/holidays?year=2026")
            #expect(response.status == 200)
            let dates = response.array.compactMap { $0["date"] as? String }
            #expect(dates == ["2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
                              "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11",
                              "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"])
            #expect(response.array.first?["name"] as? String == "元日")
            #expect(response.array.first?["name_en"] as? String == "New Year's Day")
        }
    }

    @Test func holidayYearOutsideTheSupportedRangeIs422() async throws {
        try await withTestServer { server in
            let client = server.client()
            for year in ["1989", "2100"] {
                let response = try await client.send("GET", "/holidays?year=\(year)")
                #expect(response.status == 422)
                #expect(response.errorCode == "invalid_parameter")
            }
        }
    }

    @Test func malformedHolidayYearIs422() async throws {
        try await withTestServer { server in
            let client = server.client()
            for year in ["20x6", "+2026", "026", ""] {
                let response = try await client.send("GET", "/holidays?year=\(year)")
                #expect(response.status == 422, "year=\(year)")
            }
            #expect(try await client.send("GET", "/holidays").status == 422)
        }
    }

    @Test func calendarShowsYearEndClosureWithItsReason() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/calendar?from=2026-12-28&to=2027-01-04")
            #expect(response.status == 200)
            let days = response.array
            #expect(days.count == 8)
            #expect(days.first?["open"] as? Bool == true)
            #expect(days.last?["open"] as? Bool == true)
            let closed = days.filter { $0["open"] as? Bool == false }.compactMap { $0["date"] as? String }
            #expect(closed == ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"])
            let newYear = days[4]
            let reasons = (newYear["closures"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(reasons.contains("year_end"))
            #expect((newYear["holiday"] as? [String: Any])?["name"] as? String == "元日")
        }
    }

    @Test func calendarCarriesFiscalYearReiwaLabelAndWeekday() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/calendar?from=2026-03-31&to=2026-04-01")
            let days = response.array
            #expect(days.map { $0["fiscal_year"] as? Int } == [2025, 2026])
            #expect(days.map { $0["fiscal_year_label"] as? String } == ["令和7年度", "令和8年度"])
            #expect(days.first?["label_ja"] as? String == "令和8年3月31日(火)")
            #expect(days.first?["weekday"] as? String == "tuesday")
        }
    }

    @Test func calendarShowsTheRegularClosedDay() async throws {
        try await withTestServer { server in
            // 2026-12-21 is the third Monday of December 2026.
            let response = try await server.client().send("GET", "/calendar?from=2026-12-21&to=2026-12-21")
            let day = try #require(response.array.first)
            #expect(day["open"] as? Bool == false)
            let kinds = (day["closures"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["regular_closed_day"])
        }
    }

    @Test func calendarRangeOver400DaysIs422() async throws {
        try await withTestServer { server in
            let client = server.client()
            #expect(try await client.send("GET", "/calendar?from=2026-01-01&to=2027-02-04").status == 200)
            let response = try await client.send("GET", "/calendar?from=2026-01-01&to=2027-02-05")
            #expect(response.status == 422)
            #expect(response.errorCode == "range_too_long")
        }
    }

    @Test func calendarRejectsBadDatesAndInvertedRanges() async throws {
        try await withTestServer { server throws in
            let client = server.client()
            #expect(try await client.send("GET", "/calendar?from=2026-02-30&to=2026-03-01").status == 422)
            #expect(try await client.send("GET", "/calendar?from=2026-03-02&to=2026-03-01").status == 422)
            #expect(try await client.send("GET", "/calendar?from=2026-03-01").status == 422)
        }
    }
}

/// Closures staff declare appear in the public calendar with their reason.
@Suite(.serialized) struct CalendarAdHocClosureTests {
    @Test func declaredWholeCenterClosureShowsInTheCalendar() async throws {
        try await withTestServer { server in
            let client = server.client()
            let declared = try await client.send("POST", "/closures",
                                                 body: #"{"date":"2026-12-10","reason_en":"Fire drill","reason_ja":"消防訓練"}"#,
                                                 token: server.adminToken)
            #expect(declared.status == 201)
            let day = try #require(try await client.send("GET", "/calendar?from=2026-12-10&to=2026-12-10").array.first)
            #expect(day["open"] as? Bool == false)
            let closure = (day["closures"] as? [[String: Any]])?.first
            #expect(closure?["kind"] as? String == "ad_hoc")
            #expect(closure?["reason_ja"] as? String == "消防訓練")
        }
    }

    @Test func facilityClosureShowsOnlyForThatFacility() async throws {
        try await withTestServer { server in
            let client = server.client()
            _ = try await client.send("POST", "/closures", body: #"{"date":"2026-12-10","facilities":["gym"],"reason_en":"Floor repair"}"#,
                                      token: server.adminToken)
            let center = try await client.send("GET", "/calendar?from=2026-12-10&to=2026-12-10")
            #expect(center.array.first?["open"] as? Bool == true)
            let gym = try await client.send("GET", "/calendar?from=2026-12-10&to=2026-12-10&facility=gym")
            #expect(gym.array.first?["open"] as? Bool == false)
        }
    }
}
