import Testing
@testable import CenterAPI

/// `GET /board`, the lobby screen, through the real server.
@Suite(.serialized) struct BoardEndpointTests {
    @Test func boardIsHTMLWithTodaysJapaneseDateAndRefreshesEveryMinute() async throws {
        try await withTestServer { server in
            let board = try await server.client().send("GET", "/board")
            #expect(board.status == 200)
            #expect(board.headers["content-type"] == "text/html; charset=utf-8")
            #expect(board.text.contains("令和8年11月25日(水)"))
            #expect(board.text.contains(#"<meta http-equiv="refresh" content="60">"#))
            #expect(!board.text.contains("<script"))
        }
    }

    @Test func boardListsTheRoomsAndTheDivisionsWithTheirTimes() async throws {
        try await withTestServer { server in
            let board = try await server.client().send("GET", "/board")
            for name in ["多目的ホール", "会議室1", "和室", "保育室", "午前", "09:00〜12:00", "夜間"] {
                #expect(board.text.contains(name))
            }
            #expect(!board.text.contains("相談室1"))
        }
    }

    @Test func bookedDivisionSaysBookedAndNeverWhoBookedIt() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            _ = try await server.book("2026-12-10", ["pm"], registration: registration, client: client)
            server.setClock("2026-12-10", minute: 600)
            let board = try await client.send("GET", "/board")
            let row = try #require(board.text.components(separatedBy: "\n").first { $0.contains(">会議室1<") })
            #expect(row.contains(#"<td class="free now">空き</td><td class="booked later">予約あり</td><td class="free later">空き</td>"#))
            #expect(!board.text.contains("general user"))
            #expect(!board.text.contains("Seminar"))
        }
    }

    @Test func desksRowShowsTheDesksFreePerPeriod() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            _ = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "am"), token: holder.token)
            server.setClock("2026-11-26", minute: 8 * 60)
            let board = try await client.send("GET", "/board")
            let row = try #require(board.text.components(separatedBy: "\n").first { $0.contains(#"<tr class="desks">"#) })
            #expect(row.contains(#"<td class="free later">空き 19<small>／20席</small></td><td class="free later">空き 20<small>／20席</small></td>"#))
        }
    }

    @Test func regularClosedDayShowsEveryRoomClosedWithTheReason() async throws {
        try await withTestServer { server in
            server.setClock("2026-11-16")
            let board = try await server.client().send("GET", "/board")
            #expect(board.text.contains("定期休館日"))
            #expect(!board.text.contains(#"<td class="free"#))
        }
    }

    @Test func currentDivisionIsMarkedAndPastOnesDimmed() async throws {
        try await withTestServer { server in
            server.setClock("2026-11-25", minute: 14 * 60)
            let board = try await server.client().send("GET", "/board")
            #expect(board.text.contains(#"<th scope="col" class="past">午前"#))
            #expect(board.text.contains(#"<th scope="col" class="now">午後<span class="badge">ただいま</span>"#))
            #expect(board.text.contains(#"<th scope="col" class="later">夜間"#))
        }
    }

    @Test func adHocClosureReasonIsShownEscaped() async throws {
        try await withTestServer { server in
            let client = server.client()
            let closure = try await client.send("POST", "/closures",
                                                body: #"{"date":"2026-11-25","facilities":["gym"],"reason_en":"inspection","reason_ja":"<b>点検</b> & 清掃"}"#,
                                                token: server.adminToken)
            #expect(closure.status == 201)
            let board = try await client.send("GET", "/board")
            #expect(board.text.contains("臨時休館：&lt;b&gt;点検&lt;/b&gt; &amp; 清掃"))
            #expect(!board.text.contains("<b>点検"))
            #expect(board.text.contains("<strong>体育室</strong>"))
        }
    }
}
