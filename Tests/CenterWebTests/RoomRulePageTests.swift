import CalendarValues
import CenterDomain
import Foundation
import Testing
@testable import CenterService
@testable import CenterWeb

/// The ward facilities' ways of booking, in-process: a member's lottery
/// entry made and withdrawn in the entry period and the round's public page;
/// the waiting list joined at the front desk from a taken slot, its offer
/// seen and accepted by the member; a weekly series answered date by date;
/// a consultation room booked by the hour from the grid; the 保育室 booked
/// alone with the staff approval the rule asks for.
@Suite struct RoomRulePageTests {
    /// A member signed in on their own registration.
    func member(_ f: PageFixture, _ registration: Int64, login: String) async throws -> Browser {
        let issued = try await f.service.signIn.issueSignUpCode(registration: registration, by: f.staffActor)
        let browser = f.browser(peer: "203.0.113.\(registration)")
        let form = await browser.get("/signup")
        _ = await browser.post("/signup", [("form_token", form.formToken ?? ""), ("code", issued.code.text), ("login", login),
                                           ("password", PageFixture.password), ("password_again", PageFixture.password)])
        return browser
    }

    @Test func aMemberEntersTheLotteryAndWithdrawsInTheEntryPeriod() async throws {
        let f = try await PageFixture.make()
        f.clock.set(Instant(rfc3339: "2026-12-02T10:00:00+09:00")!)
        let id = try await f.general(name: "中野バドミントン会")
        let browser = try await member(f, id, login: "badminton")
        let page = await browser.get("/my/lottery")
        #expect(page.status == 200)
        #expect(page.text.contains("申込み受付中"))
        let entered = await browser.post("/my/lottery", [("form_token", page.formToken ?? ""), ("facility", "gym"), ("date", "2027-01-12"),
                                                         ("division", "am"), ("division", "pm"), ("purpose", "練習会"), ("attendees", "24")])
        #expect(entered.location == "/my/lottery?done=lottery-entered")
        let entry = try #require(try await f.service.lottery.entries(registration: id, round: nil, month: nil, for: f.staffActor).first)
        #expect(entry.divisions == [.am, .pm])
        let listed = await browser.get("/my/lottery?done=lottery-entered")
        #expect(listed.text.contains("申込み済み（抽選待ち）"))
        let withdrawn = await browser.post("/my/lottery/\(entry.id)/withdraw", [("form_token", listed.formToken ?? "")])
        #expect(withdrawn.location == "/my/lottery?done=lottery-withdrawn")
        #expect(try await f.service.lottery.entry(id: entry.id, for: f.staffActor).state == "withdrawn")
        let refused = await browser.post("/my/lottery", [("form_token", page.formToken ?? ""), ("facility", "large-meeting-room"),
                                                         ("date", "2027-01-12"), ("division", "am"), ("purpose", "練習会"), ("attendees", "24")])
        #expect(refused.status == 409)
        let round = await f.browser().get("/lottery/halls-general/2027-01")
        #expect(round.status == 200)
        #expect(round.text.contains("種のハッシュ（SHA-256）"))
        #expect(!round.text.contains("中野バドミントン会"))
    }

    @Test func theWaitingListIsJoinedFromATakenSlotAndItsOfferAcceptedByTheMember() async throws {
        let f = try await PageFixture.make()
        let holder = try await f.general(name: "先に予約した会")
        let waiter = try await f.general(name: "待っている会")
        let taken = try #require(try await f.service.bookings.book(
            BookingRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am], registration: holder),
            by: f.staffActor).value)
        let staff = try await f.staffBrowser()
        let grid = await staff.get("/desk/book?registration=\(waiter)&facility=large-meeting-room&month=2026-12")
        #expect(grid.text.contains("/desk/waiting?registration=\(waiter)&amp;facility=large-meeting-room&amp;date=2026-12-10&amp;division=am"))
        let form = await staff.get("/desk/waiting?registration=\(waiter)&facility=large-meeting-room&date=2026-12-10&division=am")
        #expect(form.text.contains(#"value="2026-12-10""#))
        let joined = await staff.post("/desk/waiting", [("form_token", form.formToken ?? ""), ("registration", String(waiter)),
                                                        ("facility", "large-meeting-room"), ("date", "2026-12-10"), ("division", "am"),
                                                        ("purpose", "研修"), ("attendees", "20")])
        #expect(joined.location == "/desk/waiting?registration=\(waiter)&done=waiting-joined")
        _ = try await f.service.bookings.cancel(booking: taken.id, reason: nil, byCenter: false, by: f.staffActor)
        let browser = try await member(f, waiter, login: "matsu")
        let home = await browser.get("/")
        #expect(home.text.contains("キャンセル待ちの枠が空きました"))
        let entry = try #require(try await f.service.waitingList.entries(registration: waiter, facility: nil, date: nil, all: true,
                                                                          for: f.staffActor).first)
        #expect(entry.state == "offered")
        let accepted = await browser.post("/my/waiting/\(entry.id)/accept", [("form_token", home.formToken ?? "")])
        #expect(accepted.location == "/?done=offer-accepted")
        let booked = try await f.service.bookings.list(BookingFilter(registration: waiter), for: f.staffActor).items
        #expect(booked.map(\.divisions) == [[.am]])
    }

    @Test func aWeeklySeriesIsAnsweredDateByDate() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "毎週の勉強会")
        let other = try await f.general(name: "先約")
        _ = try await f.service.bookings.book(
            BookingRequest(facility: "meeting-room-1", date: LocalDate("2026-12-08")!, divisions: [.night], registration: other),
            by: f.staffActor)
        let browser = try await f.staffBrowser()
        let form = await browser.get("/desk/series/new?registration=\(id)")
        #expect(form.status == 200)
        let answer = await browser.post("/desk/series", [("form_token", form.formToken ?? ""), ("registration", String(id)),
                                                        ("facility", "meeting-room-1"), ("division", "night"), ("pattern", "weekly"),
                                                        ("weekday", "tuesday"), ("from", "2026-12-01"), ("through", "2026-12-22"),
                                                        ("purpose", "勉強会"), ("attendees", "12")])
        #expect(answer.status == 201)
        #expect(answer.text.contains("4日のうち3日を予約しました。"))
        #expect(answer.text.contains("予約できません"))
        let series = try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items
        #expect(series.count == 3)
        let missing = await browser.post("/desk/series", [("form_token", form.formToken ?? ""), ("registration", String(id)),
                                                         ("facility", "meeting-room-1"), ("pattern", "weekly"), ("from", "2026-12-01"),
                                                         ("through", "2026-12-22"), ("purpose", "勉強会"), ("attendees", "12")])
        #expect(missing.status == 422)
        #expect(missing.text.contains(#"id="divisions-error""#))
        let monthly = await browser.post("/desk/series", [("form_token", form.formToken ?? ""), ("registration", String(id)),
                                                         ("facility", "meeting-room-1"), ("division", "am"), ("pattern", "monthly_nth_weekday"),
                                                         ("week", "2"), ("nth_weekday", "wednesday"), ("from", "2026-12-01"),
                                                         ("through", "2027-01-31"), ("purpose", "月例会"), ("attendees", "12")])
        #expect(monthly.status == 201)
        #expect(monthly.text.contains("令和8年12月9日(水)"))
    }

    @Test func aConsultationRoomIsBookedByTheHourFromTheGrid() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "相談の会")
        let browser = try await f.staffBrowser()
        let grid = await browser.get("/desk/book?registration=\(id)&facility=consultation-room-1&month=2026-12")
        #expect(grid.status == 200)
        #expect(grid.text.contains(#"value="2026-12-10|h13""#))
        let fields = [("form_token", grid.formToken ?? ""), ("registration", String(id)), ("facility", "consultation-room-1"),
                      ("month", "2026-12"), ("slot", "2026-12-10|h13"), ("slot", "2026-12-10|h14"), ("attendees", "2"), ("purpose", "相談")]
        let check = await browser.post("/desk/book/check", fields)
        #expect(check.status == 200)
        #expect(check.text.contains("13:00〜15:00"))
        #expect(check.text.contains("¥600"))
        let confirmed = await browser.post("/desk/book/confirm", fields)
        #expect(confirmed.status == 303)
        let booked = try #require(try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items.first)
        #expect(booked.hours == BookingHours(from: LocalTime("13:00")!, to: LocalTime("15:00")!))
        let gap = await browser.post("/desk/book/check", [("form_token", grid.formToken ?? ""), ("registration", String(id)),
                                                          ("facility", "consultation-room-1"), ("month", "2026-12"),
                                                          ("slot", "2026-12-11|h09"), ("slot", "2026-12-11|h11"), ("attendees", "2"),
                                                          ("purpose", "相談")])
        #expect(gap.status == 422)
        #expect(gap.text.contains("続いた時間を選んでください。"))
    }

    @Test func theNurseryRoomAloneIsBookedOnlyWithAStaffApproval() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "子育ての会")
        let browser = try await f.staffBrowser()
        let grid = await browser.get("/desk/book?registration=\(id)&facility=nursery-room&month=2026-12")
        #expect(grid.text.contains("この部屋だけを使う場合の承認"))
        #expect(grid.text.contains(#"name="guardian""#))
        let fields = [("form_token", grid.formToken ?? ""), ("registration", String(id)), ("facility", "nursery-room"),
                      ("month", "2026-12"), ("slot", "2026-12-10|am"), ("attendees", "5"), ("purpose", "親子講座")]
        let refused = await browser.post("/desk/book/confirm", fields)
        #expect(refused.status == 409 || refused.status == 422)
        #expect(try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items.isEmpty)
        let approval = [("approved_by", "受付 佐藤"), ("approval_reason", "創業者向け講座の託児")]
        let check = await browser.post("/desk/book/check", fields + approval)
        #expect(check.status == 200)
        #expect(check.text.contains("受付 佐藤（創業者向け講座の託児）"))
        #expect(check.text.contains(#"name="approved_by" value="受付 佐藤""#))
        let confirmed = await browser.post("/desk/book/confirm", fields + approval)
        #expect(confirmed.status == 303)
        let booked = try #require(try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items.first)
        #expect(booked.couplingApproval?.approvedBy == "受付 佐藤")
        #expect(booked.couplingApproval?.reason == "創業者向け講座の託児")
    }

    @Test func anApprovalWithoutItsReasonIsNamedAtTheReasonField() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "子育ての会")
        let browser = try await f.staffBrowser()
        let grid = await browser.get("/desk/book?registration=\(id)&facility=nursery-room&month=2026-12")
        let check = await browser.post("/desk/book/check", [("form_token", grid.formToken ?? ""), ("registration", String(id)),
                                                            ("facility", "nursery-room"), ("month", "2026-12"),
                                                            ("slot", "2026-12-10|am"), ("attendees", "5"), ("purpose", "親子講座"),
                                                            ("approved_by", "受付 佐藤")])
        #expect(check.status == 422)
        #expect(check.text.contains("承認の理由を入力してください。"))
    }

    @Test func aSeriesCancelledFromItsPageCancelsEveryDateStillToCome() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "毎週の勉強会")
        let browser = try await f.staffBrowser()
        let form = await browser.get("/desk/series/new?registration=\(id)")
        _ = await browser.post("/desk/series", [("form_token", form.formToken ?? ""), ("registration", String(id)),
                                                ("facility", "meeting-room-1"), ("division", "night"), ("pattern", "weekly"),
                                                ("weekday", "tuesday"), ("from", "2026-12-01"), ("through", "2026-12-22"),
                                                ("purpose", "勉強会"), ("attendees", "12")])
        let series = try #require(try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items.first?.series)
        let detail = await browser.get("/desk/series/\(series)")
        #expect(detail.status == 200)
        #expect(detail.text.contains("/desk/series/\(series)/cancel"))
        let cancelled = await browser.post("/desk/series/\(series)/cancel", [("form_token", detail.formToken ?? "")])
        #expect(cancelled.location == "/desk/series/\(series)?done=cancelled")
        let after = await browser.get("/desk/series/\(series)?done=cancelled")
        #expect(after.text.contains("取消し"))
        let live = try await f.service.bookings.list(BookingFilter(registration: id, states: [.provisional, .paid]), for: f.staffActor).items
        #expect(live.isEmpty)
    }
}
