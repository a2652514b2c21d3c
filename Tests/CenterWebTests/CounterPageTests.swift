import CalendarValues
import CenterDomain
import Foundation
import Testing
@testable import CenterService
@testable import CenterWeb

/// The counter's money and the day's sheet, in-process, on Wednesday
/// 25 November 2026 at 10:00: a payment taken in part on the booking's page
/// against the ledger, its receipt issued and printed, a refund paid out;
/// the sheet's no-show button once the first division has started; the
/// registration search by phone with a duplicate caught on a new
/// registration; a member's calendar address; a closure checked, declared
/// and lifted.
@Suite struct CounterPageTests {
    func booking(_ f: PageFixture, _ registration: Int64, _ date: String, _ divisions: [DivisionID] = [.am, .pm],
                 facility: FacilityID = "large-meeting-room") async throws -> Booking {
        try #require(try await f.service.bookings.book(
            BookingRequest(facility: facility, date: LocalDate(date)!, divisions: divisions, registration: registration),
            by: f.staffActor).value)
    }

    @Test func aPartPaymentIsTakenOnTheBookingsPageAndItsReceiptPrints() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let booked = try await booking(f, id, "2026-12-10")
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/bookings/\(booked.id)")
        #expect(page.text.contains(#"id="amount" name="amount""#))
        #expect(page.text.contains(#"value="\#(booked.feeTotal)""#))
        let part = booked.feeTotal / 2
        let paid = await browser.post("/desk/bookings/\(booked.id)/payments",
                                      [("form_token", page.formToken ?? ""), ("amount", "\(part)円"), ("method", "cash"), ("taken_by", "")])
        #expect(paid.location == "/desk/bookings/\(booked.id)?done=paid#payment")
        let account = try await f.service.bookings.account(booking: booked.id, for: f.staffActor)
        #expect(account.payments.map(\.amount) == [part])
        #expect(account.payments.first?.takenBy == "desk1")
        let after = await browser.get("/desk/bookings/\(booked.id)?done=paid")
        #expect(after.text.contains("一部入金"))
        #expect(after.text.contains("領収書を発行"))
        let issued = await browser.post("/desk/bookings/\(booked.id)/receipts", [("form_token", after.formToken ?? ""), ("payment", "1")])
        let number = try #require(try await f.service.bookings.account(booking: booked.id, for: f.staffActor).payments.first?.receipt)
        #expect(issued.location == "/desk/receipts/\(number)")
        let receipt = await browser.get("/desk/receipts/\(number)")
        #expect(receipt.status == 200)
        #expect(receipt.text.contains("<h1>領収書</h1>"))
        #expect(receipt.text.contains("中野商店会"))
        #expect(receipt.headers["content-security-policy"]?.contains("style-src 'sha256-") == true)
        #expect(receipt.headers["content-security-policy"]?.contains("script-src") == false)
        #expect(await browser.get("/desk/receipts/\(number)?paper=a4").text.contains("A4 portrait"))
        #expect(await browser.get("/desk/receipts/2026-999999").status == 404)
    }

    @Test func anOverpaymentIsRefusedNextToTheAmountInTheAPIsWords() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let booked = try await booking(f, id, "2026-12-10")
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/bookings/\(booked.id)")
        let refused = await browser.post("/desk/bookings/\(booked.id)/payments",
                                         [("form_token", page.formToken ?? ""), ("amount", String(booked.feeTotal + 1)), ("method", "cash")])
        #expect(refused.status == 409)
        #expect(refused.text.contains(#"id="amount-error">入金額 "#))
        #expect(refused.text.contains("受け取れるのは未収額までです。"))
        let empty = await browser.post("/desk/bookings/\(booked.id)/payments", [("form_token", page.formToken ?? ""), ("amount", ""), ("method", "cash")])
        #expect(empty.text.contains(#"id="amount-error">入金額を1円以上の半角数字で入力してください。"#))
    }

    @Test func aCancellationsRefundIsInTheLedgerAndIsPaidOut() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let booked = try await booking(f, id, "2026-12-20")
        _ = try await f.service.bookings.pay(booking: booked.id, by: f.staffActor)
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/bookings/\(booked.id)")
        _ = await browser.post("/desk/bookings/\(booked.id)/cancel", [("form_token", page.formToken ?? ""), ("reason", "")])
        let after = await browser.get("/desk/bookings/\(booked.id)?done=cancelled")
        #expect(after.text.contains(#"<h2 id="refunds">還付</h2>"#))
        let owed = try #require(try await f.service.bookings.account(booking: booked.id, for: f.staffActor).refunds.first).owed
        #expect(after.text.contains("\(Yen.label(owed)) を支払う"))
        let out = await browser.post("/desk/bookings/\(booked.id)/refund-payouts", [("form_token", after.formToken ?? ""), ("refund", "1"), ("method", "cash")])
        #expect(out.location == "/desk/bookings/\(booked.id)?done=refund-paid#refunds")
        #expect(try await f.service.bookings.account(booking: booked.id, for: f.staffActor).refunds.first?.owed == 0)
    }

    @Test func theSheetOffersANoShowOnceTheFirstDivisionHasStarted() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let morning = try await booking(f, id, "2026-11-25", [.am])
        let evening = try await booking(f, id, "2026-11-25", [.night])
        let browser = try await f.staffBrowser()
        let sheet = await browser.get("/desk/today")
        #expect(sheet.text.contains(#"action="/desk/bookings/\#(morning.id)/no-show""#))
        #expect(!sheet.text.contains(#"action="/desk/bookings/\#(evening.id)/no-show""#))
        #expect(sheet.text.contains(#"href="/desk/bookings/\#(morning.id)#payment""#))
        let marked = await browser.post("/desk/bookings/\(morning.id)/no-show", [("form_token", sheet.formToken ?? ""),
                                                                                 ("back", "/desk/today?date=2026-11-25")])
        #expect(marked.location == "/desk/today?date=2026-11-25&done=no-show")
        #expect(try await f.service.bookings.booking(id: morning.id, for: f.staffActor).state == .noShow)
        let refused = await browser.post("/desk/bookings/\(evening.id)/no-show", [("form_token", sheet.formToken ?? "")])
        #expect(refused.status == 409)
    }

    @Test func aRegistrationIsFoundByTheLastDigitsOfItsPhoneOrItsKana() async throws {
        let f = try await PageFixture.make()
        let id = try #require(try await f.service.registrations.register(
            RegistrationInput(category: .general, name: "天田工房", nameKana: "アマダコウボウ", contact: "090-1234-5678"),
            by: f.staffActor).value).id
        let browser = try await f.staffBrowser()
        for query in ["5678", "090-1234-5678", "ｱﾏﾀﾞ", "あまだ"] {
            let page = await browser.get("/desk/registrations?q=" + query)
            #expect(page.text.contains(#"<a href="/desk/registrations/\#(id)">\#(id)</a>"#), "\(query)")
        }
        #expect(!(await browser.get("/desk/registrations?q=9999")).text.contains("天田工房"))
    }

    @Test func aPossibleDuplicateIsShownWithTheMatchAndRegisteredOnceConfirmed() async throws {
        let f = try await PageFixture.make()
        let first = try await f.general(name: "山田 太郎", contact: "090-1111-2222")
        let browser = try await f.staffBrowser()
        let form = await browser.get("/desk/registrations/new")
        let fields = [("form_token", form.formToken ?? ""), ("category", "general"), ("name", "山田太郎"), ("name_kana", "ヤマダ タロウ"),
                      ("contact", "09011112222"), ("postal_code", "164-0001"), ("address", "中野区中野2-13-14"), ("in_ward", "yes")]
        let refused = await browser.post("/desk/registrations", fields)
        #expect(refused.status == 409)
        #expect(refused.text.contains(#"href="/desk/registrations/\#(first)""#))
        #expect(refused.text.contains("氏名と電話番号が同じ"), "\(refused.text)")
        #expect(refused.text.contains(#"id="confirm_new-error""#))
        let made = await browser.post("/desk/registrations", fields + [("confirm_new", "yes")])
        #expect(made.status == 201)
        let found = try await f.service.registrations.search(RegistrationSearch(phoneDigits: "09011112222"))
        #expect(found.count == 2)
        #expect(found.last?.postalAddress?.description == "〒164-0001 中野区中野2-13-14")
    }

    @Test func aMemberMakesTheirCalendarAddressSeesItOnceAndStopsIt() async throws {
        let f = try await PageFixture.make()
        let registration = try await f.register()
        let issued = try await f.service.signIn.issueSignUpCode(registration: registration, by: f.staffActor)
        let browser = f.browser()
        let signup = await browser.get("/signup")
        _ = await browser.post("/signup", [("form_token", signup.formToken ?? ""), ("code", issued.code.text), ("login", "hanako"),
                                           ("password", PageFixture.password), ("password_again", PageFixture.password)])
        let home = await browser.get("/")
        #expect(home.text.contains("配信用URLを発行する"))
        let minted = await browser.post("/my/calendar-url", [("form_token", home.formToken ?? "")])
        #expect(minted.status == 201)
        let range = try #require(minted.text.range(of: #"value="http://center.example/feeds/"#))
        let path = "/feeds/" + minted.text[range.upperBound...].prefix { $0 != "\"" }
        #expect(path.hasSuffix("/calendar.ics"))
        #expect(await browser.get(path).status == 200)
        let again = await browser.get("/")
        #expect(again.text.contains("発行済みです"))
        #expect(!again.text.contains(path))
        let stopped = await browser.post("/my/calendar-url/revoke", [("form_token", again.formToken ?? "")])
        #expect(stopped.location == "/?done=calendar-stopped")
        #expect(await browser.get(path).status == 404)
    }

    @Test func aClosureShowsTheBookingsItHitsBeforeItIsDeclaredAndCanBeLifted() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let hit = try #require(try await f.service.bookings.book(
            BookingRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am], days: 2, registration: id),
            by: f.staffActor).value)
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/closures")
        let fields = [("form_token", page.formToken ?? ""), ("date", "2026-12-11"), ("to", ""), ("closure_facility", "large-meeting-room"),
                      ("reason_ja", "空調設備の緊急点検"), ("reason_en", "")]
        let check = await browser.post("/desk/closures/check", fields)
        #expect(check.status == 200)
        #expect(check.text.contains(#"name="whole_booking" value="\#(hit.id)""#))
        #expect(try await f.service.calendar.closures(from: nil, to: nil, facility: nil).isEmpty)
        let declared = await browser.post("/desk/closures", fields)
        #expect(declared.location == "/desk/closures?done=closure-declared#ad-hoc")
        let list = await browser.get("/desk/closures?done=closure-declared")
        #expect(list.text.contains("空調設備の緊急点検"))
        #expect(list.text.contains("休館の日だけ取消し：12/11(金)"))
        #expect(try await f.service.bookings.booking(id: hit.id, for: f.staffActor).dates == [LocalDate("2026-12-10")!])
        let closure = try #require(try await f.service.calendar.closures(from: nil, to: nil, facility: nil).first)
        let lifted = await browser.post("/desk/closures/\(closure.id)/lift", [("form_token", list.formToken ?? "")])
        #expect(lifted.location == "/desk/closures?done=closure-lifted#ad-hoc")
        #expect(try await f.service.calendar.closure(id: closure.id).liftedAt != nil)
        let blank = await browser.post("/desk/closures/check", [("form_token", page.formToken ?? ""), ("date", "")])
        #expect(blank.status == 422)
        #expect(blank.text.contains(#"id="reason_ja-error""#))
    }

    @Test func closingTheDeskPoolShowsTheDeskPassesItCancelsBeforeItIsDeclared() async throws {
        let f = try await PageFixture.make()
        let freelancer = try await f.register(name: "中野花子")
        let pass = try #require(try await f.service.desks.book(
            DeskPassRequest(date: LocalDate("2026-11-26")!, period: "pm", registration: freelancer), by: f.staffActor).value)
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/closures")
        let pool = f.service.settings.center.desks.pool.rawValue
        let check = await browser.post("/desk/closures/check", [("form_token", page.formToken ?? ""), ("date", "2026-11-26"), ("to", ""),
                                                                ("closure_facility", pool), ("reason_ja", "床の補修"), ("reason_en", "")])
        #expect(check.status == 200)
        #expect(check.text.contains("フリーデスクの次の1件の利用も取り消します。"))
        #expect(check.text.contains("<td>\(pass.id)</td>"))
        #expect(try await f.service.desks.pass(id: pass.id, for: f.staffActor).state == .booked)
    }

    @Test func aReceiptIsReissuedUnderItsNumberAndReadsAsTheReissue() async throws {
        let f = try await PageFixture.make()
        let id = try await f.general(name: "中野商店会")
        let booked = try await booking(f, id, "2026-12-10")
        _ = try await f.service.bookings.takePayment(booking: booked.id, amount: booked.feeTotal, method: .cash, by: f.staffActor)
        let browser = try await f.staffBrowser()
        let page = await browser.get("/desk/bookings/\(booked.id)")
        _ = await browser.post("/desk/bookings/\(booked.id)/receipts", [("form_token", page.formToken ?? ""), ("payment", "1")])
        let number = try #require(try await f.service.bookings.account(booking: booked.id, for: f.staffActor).payments.first?.receipt)
        let withReceipt = await browser.get("/desk/bookings/\(booked.id)")
        #expect(withReceipt.text.contains("/desk/receipts/\(number)/reissue"))
        let reissued = await browser.post("/desk/receipts/\(number)/reissue", [("form_token", withReceipt.formToken ?? "")])
        #expect(reissued.location == "/desk/receipts/\(number)")
        let receipt = await browser.get("/desk/receipts/\(number)")
        #expect(receipt.text.contains("領収書（再発行）"))
        #expect(try await f.service.bookings.account(booking: booked.id, for: f.staffActor).payments.first?.receipt == number)
    }
}
