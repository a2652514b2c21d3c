import CalendarValues
import CenterDomain
import Foundation
import Testing
@testable import CenterService
@testable import CenterWeb

/// The pages of the day's work, in-process: the front desk finds, books and
/// cancels; a member books a desk and checks in with the lobby's code; a
/// planner dry-runs a change and sees what it displaces.
@Suite struct WorkPageTests {
    @Test func staffFindARegistrationByItsNameInKana() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "ナカノ工房")
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/registrations?q=なかの")
        #expect(page.status == 200)
        #expect(page.text.contains(#"<a href="/desk/registrations/\#(id)">\#(id)</a>"#))
        #expect(page.text.contains("ナカノ工房"))
    }

    @Test func theMonthGridShowsEachDivisionAsTheAvailabilityRuleClassifiesIt() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/book?registration=\(id)&facility=large-meeting-room&month=2026-12")
        #expect(page.status == 200)
        #expect(page.text.contains(#"value="2026-12-10|am""#))
        #expect(page.text.contains(#"<td class="slot closed">休館</td>"#))
        let january = await browser.get("/desk/book?registration=\(id)&facility=large-meeting-room&month=2027-01")
        #expect(january.text.contains(#"<td class="slot not_open">受付前"#))
    }

    @Test func theFeeIsShownBeforeTheBookingAndConfirmingBooksIt() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let browser = try await f.staffBrowser()
        let grid = await browser.get("/desk/book?registration=\(id)&facility=large-meeting-room&month=2026-12")
        let fields = [("form_token", grid.formToken ?? ""), ("registration", String(id)), ("facility", "large-meeting-room"),
                      ("month", "2026-12"), ("slot", "2026-12-10|am"), ("slot", "2026-12-10|pm"), ("attendees", "30"),
                      ("purpose", "総会")]
        let check = await browser.post("/desk/book/check", fields)
        #expect(check.status == 200)
        #expect(check.text.contains("予約内容と使用料の確認"))
        #expect(try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items.isEmpty)
        let quote = try await f.service.bookings.quote(
            FeeQuoteRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am, .pm], registration: id),
            by: f.staffActor)
        #expect(check.text.contains(Yen.label(quote.feeTotal)))
        let confirm = await browser.post("/desk/book/confirm", fields)
        #expect(confirm.status == 303)
        let booked = try await f.service.bookings.list(BookingFilter(registration: id), for: f.staffActor).items
        #expect(booked.count == 1)
        #expect(confirm.location == "/desk/bookings/\(booked[0].id)?done=booked")
    }

    @Test func twoDatesInOneBookingAreRefusedNextToTheGrid() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let browser = try await f.staffBrowser()
        let grid = await browser.get("/desk/book?registration=\(id)&facility=large-meeting-room&month=2026-12")
        let page = await browser.post("/desk/book/check", [("form_token", grid.formToken ?? ""), ("registration", String(id)),
                                                           ("facility", "large-meeting-room"), ("month", "2026-12"),
                                                           ("slot", "2026-12-10|am"), ("slot", "2026-12-11|am"),
                                                           ("attendees", "30"), ("purpose", "総会")])
        #expect(page.status == 422)
        #expect(page.text.contains(#"id="slot-error">1回の予約で選べるのは1日分です。"#))
    }

    @Test func theRefundIsShownBeforeCancellingAndTheCancellationGivesIt() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let booking = try #require(try await f.service.bookings.book(
            BookingRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am], registration: id),
            by: f.staffActor).value)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staffActor)
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/bookings/\(booking.id)")
        #expect(page.text.contains("100%、\(Yen.label(booking.feeTotal)) を還付します。"))
        let cancelled = await browser.post("/desk/bookings/\(booking.id)/cancel", [("form_token", page.formToken ?? ""), ("reason", "")])
        #expect(cancelled.location == "/desk/bookings/\(booking.id)?done=cancelled#refunds")
        let after = await browser.get("/desk/bookings/\(booking.id)?done=cancelled")
        #expect(after.text.contains("予約を取り消しました。"))
        #expect(after.text.contains("\(Yen.label(booking.feeTotal))（100%）"))
    }

    @Test func aMemberBooksADeskAndChecksInWithTheLobbyCode() async throws {
        let f = try await PageFixture.make()
        let registration = try await f.register()
        let issued = try await f.service.signIn.issueSignUpCode(registration: registration, by: f.staffActor)
        let browser = f.browser()
        let form = await browser.get("/signup")
        _ = await browser.post("/signup", [("form_token", form.formToken ?? ""), ("code", issued.code.text), ("login", "hanako"),
                                           ("password", PageFixture.password), ("password_again", PageFixture.password)])
        let desks = await browser.get("/my/desks")
        #expect(desks.status == 200)
        let booked = await browser.post("/my/desks", [("form_token", desks.formToken ?? ""), ("date", "2026-11-25"), ("period", "pm")])
        #expect(booked.location == "/?done=pass-booked")
        let home = await browser.get("/?done=pass-booked")
        #expect(home.text.contains("本日のチェックイン"))
        let pass = try #require(try await f.service.desks.passes(DeskPassFilter(registration: registration), for: f.staffActor).items.first)
        let wrong = await browser.post("/my/passes/\(pass.id)/check-in", [("form_token", home.formToken ?? ""), ("code-\(pass.id)", "12345")])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains(#"id="code-\#(pass.id)-error">チェックインコードが違います。"#))
        let code = try await f.service.desks.lobbyCode()
        let right = await browser.post("/my/passes/\(pass.id)/check-in", [("form_token", home.formToken ?? ""), ("code-\(pass.id)", code.display)])
        #expect(right.location == "/?done=checked-in")
        #expect(try await f.service.desks.pass(id: pass.id, for: f.staffActor).state == .checkedIn)
    }

    @Test func aPlannersDryRunListsTheDisplacedBookingsAndChangesNothing() async throws {
        let f = try await PageFixture.make()
        let ward = try #require(try await f.service.registrations.register(
            RegistrationInput(category: .ward, name: "中野区産業振興課"), by: f.staffActor).value).id
        let booking = try #require(try await f.service.bookings.book(
            BookingRequest(facility: "event-corner", date: LocalDate("2027-10-15")!, divisions: [.am], registration: ward),
            by: f.staffActor).value)
        try await f.staff("plan1", role: .planner)
        let browser = f.browser()
        await browser.signIn("plan1")
        let form = await browser.get("/planner/items/layout-circulation-works")
        #expect(form.status == 200)
        let fields = [("form_token", form.formToken ?? ""), ("planned_start", "2027-04"), ("planned_end", "2027-10"),
                      ("status", "delayed"), ("closure_0_from", "2027-08-01"), ("closure_0_to", "2027-10-31")]
        let dry = await browser.post("/planner/items/layout-circulation-works/dry-run", fields)
        #expect(dry.status == 200)
        #expect(dry.text.contains("取り消される予約：1件"))
        #expect(dry.text.contains("<td>\(booking.id)</td>") || dry.text.contains(">\(booking.id)</th>"))
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staffActor).state == .provisional)
        let unconfirmed = await browser.post("/planner/items/layout-circulation-works/apply", fields + [("confirm_displaced", "0")])
        #expect(unconfirmed.status == 409)
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staffActor).state == .provisional)
        let applied = await browser.post("/planner/items/layout-circulation-works/apply", fields + [("confirm_displaced", "1")])
        #expect(applied.location == "/?done=roadmap-updated")
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staffActor).state == .cancelledByCenter)
    }

    @Test func aNameWithMarkupIsTextOnEveryPageThatShowsIt() async throws {
        let f = try await PageFixture.make()
        let name = #"<script>alert("x")</script>'&<img src=x onerror=1>"#
        let id = try await f.general(name: name)
        _ = try await f.service.bookings.book(
            BookingRequest(facility: "meeting-room-1", date: LocalDate("2026-11-25")!, divisions: [.night], registration: id),
            by: f.staffActor)
        let browser = try await f.staffBrowser()
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;&lt;img src=x onerror=1&gt;"
        for target in ["/desk/registrations?q=script", "/desk/registrations/\(id)", "/desk/today",
                       "/desk/book?registration=\(id)&facility=meeting-room-1&month=2026-11"] {
            let page = await browser.get(target)
            #expect(page.status == 200, "\(target)")
            #expect(page.text.contains(escaped), "\(target)")
            #expect(!page.text.contains("<script"), "\(target)")
            #expect(!page.text.contains("<img src=x"), "\(target)")
        }
    }

    @Test func aPlannerCannotOpenTheFrontDesksPages() async throws {
        let f = try await PageFixture.make()
        try await f.staff("plan1", role: .planner)
        let browser = f.browser()
        await browser.signIn("plan1")
        #expect(await browser.get("/desk/today").status == 403)
        #expect(await browser.get("/desk/registrations?q=a").status == 403)
    }
}
