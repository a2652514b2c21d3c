import CalendarValues
import CenterDomain
import Foundation
import Testing
@testable import CenterAPI

/// The front desk over HTTP: the day sheet, no-shows, fee quotes.
@Suite(.serialized) struct FrontDeskEndpointTests {
    @Test func theDaySheetListsTheDaysBookingsAndPassesWithTheirHolders() async throws {
        try await withTestServer { server in
            let client = server.client()
            let group = try await server.register("general")
            let booked = try await client.send("POST", "/bookings", body: bookingBody("2026-11-26", ["am", "pm"], registration: group),
                                               token: server.adminToken)
            let booking = try #require(booked.object["id"] as? Int)
            let freelancer = try await server.deskFreelancer(client: client)
            let pass = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "pm"), token: freelancer.token)
            let sheet = try await client.send("GET", "/front-desk/day?date=2026-11-26", token: server.token(.staff))
            #expect(sheet.status == 200)
            #expect(sheet.object["label_ja"] as? String == "令和8年11月26日(木)")
            let rooms = sheet.object["rooms"] as? [[String: Any]] ?? []
            let room = try #require(rooms.first { $0["facility"] as? String == "meeting-room-1" })
            #expect((room["divisions"] as? [[String: Any]])?.map { $0["booking"] as? Int } == [booking, booking, nil])
            let line = try #require((room["bookings"] as? [[String: Any]])?.first)
            #expect((line["holder"] as? [String: Any])?["name"] as? String == "general user")
            #expect((line["holder"] as? [String: Any])?["contact"] as? String == "0300000000")
            #expect(line["state_ja"] as? String == "仮予約")
            #expect(line["amount_due"] as? Int == 3500)
            #expect(line["no_show_from"] as? String == "2026-11-26T09:00:00+09:00")
            let passes = sheet.object["desk_passes"] as? [[String: Any]] ?? []
            #expect(passes.map { $0["desk_pass"] as? Int } == [pass])
            #expect((passes.first?["holder"] as? [String: Any])?["registration"] as? Int == Int(freelancer.id))
            #expect(passes.first?["state_ja"] as? String == "予約済")
            let public_ = try await client.send("GET", "/front-desk/day")
            #expect(public_.status == 401)
            let member = try await client.send("GET", "/front-desk/day", token: freelancer.token)
            #expect(member.status == 403)
        }
    }

    @Test func aNoShowBeforeTheStartIs409AndAfterItTheBookingEndsWithPoints() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let booked = try await client.send("POST", "/bookings", body: bookingBody("2026-11-25", ["pm"], registration: registration),
                                               token: server.adminToken)
            let id = try #require(booked.object["id"] as? Int)
            let early = try await client.send("POST", "/bookings/\(id)/no-show", token: server.adminToken)
            #expect(early.status == 409)
            #expect(early.errorCode == "no_show_too_early")
            #expect(early.errorMessageAsked == "令和8年11月25日(水)の利用開始（13:00）より前は、無断キャンセルを記録できません。")
            server.setClock("2026-11-25", minute: 13 * 60 + 1)
            let marked = try await client.send("POST", "/bookings/\(id)/no-show", token: server.adminToken,
                                               headers: ["Idempotency-Key": "no-show-1"])
            #expect(marked.status == 200)
            #expect(marked.object["state"] as? String == "no_show")
            let again = try await client.send("POST", "/bookings/\(id)/no-show", token: server.adminToken,
                                              headers: ["Idempotency-Key": "no-show-1"])
            #expect(again.headers["idempotent-replayed"] == "true")
            let holder = try await client.send("GET", "/registrations/\(registration)", token: server.adminToken)
            #expect(holder.object["penalty_points"] as? Int == 2)
            let twice = try await client.send("POST", "/bookings/\(id)/no-show", token: server.adminToken)
            #expect(twice.errorCode == "invalid_transition")
        }
    }

    @Test func aQuoteEqualsTheFeeOfTheBookingThatFollows() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general", inWard: false)
            let quote = try await client.send("POST", "/fees/quote",
                                              body: #"{"facility":"meeting-room-1","date":"2026-12-10","divisions":["am","pm"],"days":2,"registration":\#(registration)}"#,
                                              token: server.adminToken)
            #expect(quote.status == 200)
            let booked = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", ["am", "pm"], days: 2,
                                                                                      registration: registration),
                                               token: server.adminToken)
            let quoted = try JSONSerialization.data(withJSONObject: try #require(quote.object["fee"]), options: [.sortedKeys])
            let charged = try JSONSerialization.data(withJSONObject: try #require(booked.object["fee"]), options: [.sortedKeys])
            #expect(quoted == charged)
            #expect(quote.object["fee_total"] as? Int == booked.object["fee_total"] as? Int)
            #expect(quote.object["out_of_ward"] as? Bool == true)
            let bookings = try await client.send("GET", "/bookings?registration=\(registration)", token: server.adminToken)
            #expect(bookings.array.count == 1)
        }
    }

    @Test func aQuoteIsRefusedWithTheCodesABookingWouldGet() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            for (body, code) in [
                (#"{"facility":"ballroom","date":"2026-12-10","divisions":["am"],"registration":\#(registration)}"#, "facility_not_found"),
                (#"{"facility":"meeting-room-1","date":"2026-12-10","divisions":["dawn"],"registration":\#(registration)}"#, "division_not_offered"),
                (#"{"facility":"meeting-room-1","date":"2026-12-10","divisions":["am","am"],"registration":\#(registration)}"#, "divisions_repeated"),
                (#"{"facility":"meeting-room-1","date":"2026-12-10","divisions":["am"]}"#, "registration_required"),
                (#"{"facility":"meeting-room-1","date":"2026-12-10","divisions":["am"],"category":"tourist"}"#, "invalid_body"),
            ] {
                let quote = try await client.send("POST", "/fees/quote", body: body, token: server.adminToken)
                #expect(quote.errorCode == code, "\(body)")
                let booking = try await client.send("POST", "/bookings", body: body.replacingOccurrences(of: "}", with: #","purpose":"x","attendees":2}"#),
                                                    token: server.adminToken)
                if code != "registration_required" && code != "invalid_body" { #expect(booking.errorCode == code, "\(body)") }
            }
        }
    }

    @Test func aMemberQuotesForItselfAndNamesNoExemption() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let other = try await server.register("general")
            let member = try await server.token(.member, registrationID: registration)
            let own = try await client.send("POST", "/fees/quote",
                                            body: #"{"facility":"gym","date":"2026-12-10","divisions":["night"],"registration":\#(registration)}"#,
                                            token: member)
            #expect(own.object["fee_total"] as? Int == 8000)
            let theirs = try await client.send("POST", "/fees/quote",
                                               body: #"{"facility":"gym","date":"2026-12-10","divisions":["night"],"registration":\#(other)}"#,
                                               token: member)
            #expect(theirs.status == 404)
            let exempt = try await client.send("POST", "/fees/quote",
                                               body: #"{"facility":"gym","date":"2026-12-10","divisions":["night"],"registration":\#(registration),"exemptions":["ward_cohosted"]}"#,
                                               token: member)
            #expect(exempt.status == 403)
        }
    }
}
