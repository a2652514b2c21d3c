import CalendarValues
import CenterService
import Foundation
import Testing

/// The waiting list, series bookings, hourly rooms and the nursery-room
/// approval through HTTP: each answer's shape and each refusal's status.
@Suite(.serialized) struct TokyoBookingEndpointTests {
    @Test func aCancelledSlotIsOfferedToAWaitingMemberWhoAcceptsIt() async throws {
        try await withTestServer { server in
            let client = server.client()
            let staff = server.adminToken
            let holder = try await server.register("general")
            let waiting = try await server.register("general")
            let member = try await server.token(.member, registrationID: waiting)
            let booked = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: holder), token: staff)
            let join = #"{"registration":\#(waiting),"facility":"meeting-room-1","date":"2026-12-10","division":"am","purpose":"勉強会","attendees":8}"#
            let entry = try await client.send("POST", "/waiting-list", body: join, token: member, headers: ["Idempotency-Key": "join-1"])
            #expect(entry.status == 201)
            let replayed = try await client.send("POST", "/waiting-list", body: join, token: member, headers: ["Idempotency-Key": "join-1"])
            #expect(replayed.status == 201)
            #expect(replayed.headers["idempotent-replayed"] == "true")
            #expect(replayed.object["id"] as? Int == entry.object["id"] as? Int)
            #expect(entry.object["state"] as? String == "waiting")
            #expect(entry.object["last_waiting_day"] as? String == "2026-12-04")
            #expect(try await client.send("POST", "/waiting-list", body: join, token: member).errorCode == "already_waiting")
            let id = try #require(entry.object["id"] as? Int)
            #expect(try await client.send("POST", "/waiting-list/\(id)/accept", token: member).errorCode == "offer_not_found")
            let bookingID = try #require(booked.object["id"] as? Int)
            _ = try await client.send("POST", "/bookings/\(bookingID)/cancel", token: staff)
            let offered = try await client.send("GET", "/me/waiting-list", token: member).array
            #expect(offered.first?["state"] as? String == "offered")
            #expect(offered.first?["deadline"] as? String == "2026-11-27T10:00:00+09:00")
            let other = try await server.register("general")
            let taken = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: other), token: staff)
            #expect(taken.status == 409)
            #expect(taken.errorCode == "slot_held_for_waiting")
            let shown = try await client.send("GET", "/availability?facility=meeting-room-1&from=2026-12-10&to=2026-12-10")
            #expect((shown.array.first?["divisions"] as? [[String: Any]])?.first?["status"] as? String == "waiting_list")
            let accepted = try await client.send("POST", "/waiting-list/\(id)/accept", token: member)
            #expect(accepted.status == 201)
            #expect(accepted.object["source"] as? String == "waiting_list")
            #expect(accepted.object["registration"] as? Int == Int(waiting))
        }
    }

    @Test func theAvailabilityShowsALotteryRoomsSlotsOpeningAtTheFirstComeTime() async throws {
        try await withTestServer { server in
            let shown = try await server.client().send("GET", "/availability?facility=gym&from=2027-01-20&to=2027-01-20&category=general")
            let slot = try #require((shown.array.first?["divisions"] as? [[String: Any]])?.first)
            #expect(slot["status"] as? String == "not_open")
            #expect(slot["opens"] as? String == "2026-12-15")
            let ward = try await server.client().send("GET", "/availability?facility=gym&from=2027-01-20&to=2027-01-20&category=ward")
            #expect((ward.array.first?["divisions"] as? [[String: Any]])?.first?["status"] as? String == "free")
        }
    }

    @Test func aSeriesAnswersEachDateAndCancelsAsOne() async throws {
        try await withTestServer { server in
            let client = server.client()
            let staff = server.adminToken
            let registration = try await server.register("general")
            let body = #"{"facility":"meeting-room-2","divisions":["pm"],"registration":\#(registration),"pattern":{"pattern":"weekly","weekdays":["wednesday"]},"from":"2026-12-01","through":"2027-01-31","purpose":"定例会","attendees":6}"#
            let created = try await client.send("POST", "/series", body: body, token: staff)
            #expect(created.status == 201, "\(created.text)")
            let dates = try #require(created.object["dates"] as? [[String: Any]])
            #expect(dates.compactMap { $0["date"] as? String } == ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23", "2026-12-30"])
            #expect(dates.last?["outcome"] as? String == "refused")
            #expect((dates.last?["error"] as? [String: Any])?["code"] as? String == "facility_closed")
            #expect((created.object["after_window"] as? [String])?.first == "2027-01-06")
            let series = try #require((created.object["series"] as? [String: Any])?["id"] as? Int)
            #expect(try await client.send("GET", "/series/\(series)", token: staff).status == 200)
            let cancelled = try await client.send("POST", "/series/\(series)/cancel", body: #"{"reason":"年度末で終了"}"#, token: staff)
            #expect(cancelled.status == 200)
            #expect((cancelled.object["bookings"] as? [[String: Any]])?.allSatisfy { $0["state"] as? String == "cancelled_by_user" } == true)
            #expect(try await client.send("POST", "/series/\(series)/continue", token: staff).errorCode == "series_cancelled")
            let long = body.replacingOccurrences(of: "2027-01-31", with: "2027-12-01")
            let refused = try await client.send("POST", "/series", body: long, token: staff)
            #expect(refused.status == 422)
            #expect(refused.errorCode == "series_too_long")
        }
    }

    @Test func aConsultationRoomIsBookedByTheHour() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let body = #"{"facility":"consultation-room-1","date":"2026-12-10","hours":{"from":"13:00","to":"15:00"},"registration":\#(registration),"purpose":"創業相談","attendees":2}"#
            let booked = try await client.send("POST", "/bookings", body: body, token: server.adminToken)
            #expect(booked.status == 201, "\(booked.text)")
            #expect(booked.object["divisions"] as? [String] == ["h13", "h14"])
            #expect(booked.object["hours"] as? [String: String] == ["from": "13:00", "to": "15:00"])
            #expect(booked.object["fee_total"] as? Int == 600)
            let late = body.replacingOccurrences(of: "\"to\":\"15:00\"", with: "\"to\":\"22:00\"")
            let refused = try await client.send("POST", "/bookings", body: late, token: server.adminToken)
            #expect(refused.status == 422)
            #expect(refused.errorCode == "outside_opening_hours")
            let feed = try await client.send("GET", "/facilities/consultation-room-1/calendar.ics?from=2026-12-01&to=2026-12-31")
            #expect(feed.text.contains("DTSTART;TZID=Asia/Tokyo:20261210T130000"))
            #expect(feed.text.contains("DTEND;TZID=Asia/Tokyo:20261210T150000"))
            let availability = try await client.send("GET", "/availability?facility=consultation-room-1&from=2026-12-10&to=2026-12-10")
            let slots = try #require(availability.array.first?["divisions"] as? [[String: Any]])
            #expect(slots.count == 12)
            #expect(slots.filter { $0["status"] as? String == "booked" }.compactMap { $0["division"] as? String } == ["h13", "h14"])
            let today = try await client.send("GET", "/availability?facility=consultation-room-1&from=2026-11-25&to=2026-11-25&category=general")
            let hours = try #require(today.array.first?["divisions"] as? [[String: Any]])
            #expect(hours.prefix(2).map { $0["status"] as? String } == ["window_closed", "free"], "09:00 is over at 10:00, 10:00 is not")
        }
    }

    @Test func theNurseryRoomAloneCarriesItsApproval() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let member = try await server.token(.member, registrationID: registration)
            let approval = #""coupling_approval":{"approved_by":"館長 山田","reason":"創業セミナーの託児（センターの目的に資する）"}"#
            let body = #"{"facility":"nursery-room","date":"2026-12-10","divisions":["am"],"registration":\#(registration),"purpose":"託児","attendees":5,\#(approval)}"#
            let asMember = try await client.send("POST", "/bookings", body: body, token: member)
            #expect(asMember.status == 403)
            let booked = try await client.send("POST", "/bookings", body: body, token: server.adminToken)
            #expect(booked.status == 201, "\(booked.text)")
            let recorded = try #require(booked.object["coupling_approval"] as? [String: Any])
            #expect(recorded["approved_by"] as? String == "館長 山田")
            #expect(recorded["approved_at"] as? String == "2026-11-25T10:00:00+09:00")
        }
    }

    @Test func aRegistrationShowsItsIssuer() async throws {
        try await withTestServer { server in
            let community = try await server.register("community_group")
            let record = try await server.client().send("GET", "/registrations/\(community)", token: server.adminToken)
            #expect(record.object["issuer"] as? String == "ward")
            #expect(record.object["issuer_name_ja"] as? String == "中野区長")
        }
    }
}
