import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// The member's pages (マイページ): today's check-in with the lobby board's
/// code, the coming desk passes and room bookings with cancelling, and the
/// desks free in the coming days with booking a half day or a whole day.
enum MemberPages {
    // MARK: My page

    static func home(_ context: PageContext, signedIn: SignedIn, checkInError: (pass: Int64, message: String)? = nil,
                     status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let service = context.site.service
        let words = context.words
        let center = service.settings.center
        let today = service.today
        let actor = signedIn.actor
        var registration: RegistrationRecord?
        var calendarSince: Instant?
        if let id = actor.registrationID {
            registration = try? await service.registrations.registration(id: id, for: actor)
            calendarSince = try? await service.feeds.liveSince(registration: id, for: actor)
        }
        let roomUser = registration.map { $0.category != .freelancer } ?? false
        let offers = ((try? await service.waitingList.entries(registration: actor.registrationID, facility: nil, date: nil, all: false,
                                                              for: actor)) ?? []).filter { $0.state == "offered" }
        let passes = (try? await service.desks.passes(DeskPassFilter(from: today), for: actor))?.items ?? []
        let bookings = ((try? await service.bookings.list(BookingFilter(from: today), for: actor))?.items ?? [])
            .filter { $0.state.successors.contains(.cancelledByUser) || $0.state == .checkedIn }
        let todays = passes.filter { $0.date == today && $0.state == .booked }
        let coming = passes.filter { $0.state == .booked || $0.state == .checkedIn }
        let document = Layout.page(words[.memberHome], context: context, switchPath: "/") {
            el(.h1) { words[.memberHome] }
            if let notice = PageKit.done(context) { PageKit.notice(notice) }
            Forms.summary(checkInError.map { [("code-\($0.pass)", $0.message)] } ?? [], words: words)
            if !offers.isEmpty {
                el(.section, .aria("labelledby", "offers"), .class("offer")) {
                    el(.h2, .id("offers")) { words("キャンセル待ちの枠が空きました", "A slot you wait for is free") }
                    el(.ul, .class("cards")) {
                        for entry in offers {
                            el(.li, .class("offer")) { WaitingListPages.card(entry, staff: false, center: center, signedIn: signedIn, words: words) }
                        }
                    }
                }
            }
            if !todays.isEmpty {
                el(.section, .aria("labelledby", "check-in")) {
                    el(.h2, .id("check-in")) { words("本日のチェックイン", "Check in today") }
                    el(.p) { words("センターに着いたら、ロビーの表示に出ている「チェックインコード」（6桁の数字）を入力してください。", "At the center, enter the check-in code (six digits) shown on the lobby screen.") }
                    for pass in todays {
                        el(.form, .method("post"), .action(SafeURL("/my/passes/\(pass.id)/check-in")), Attribute(.novalidate), .class("stack check-in")) {
                            Forms.token(signedIn.formToken)
                            el(.p, .class("pass")) { words.period(pass.period, in: center) + "　" + words.desk(pass.desk) }
                            Forms.field(Forms.Field(id: "code-\(pass.id)", label: words("チェックインコード", "Check-in code"),
                                                    autocomplete: "off", error: checkInError?.pass == pass.id ? checkInError?.message : nil,
                                                    inputmode: "numeric", literal: true), words: words)
                            el(.button, .type("submit"), .class("primary")) { words("チェックインする", "Check in") }
                        }
                    }
                }
            }
            if !roomUser || !coming.isEmpty {
                el(.section, .aria("labelledby", "passes")) {
                    el(.h2, .id("passes")) { words("フリーデスクの予約", "Desk passes") }
                    if coming.isEmpty {
                        el(.p) { words("これからの予約はありません。", "No coming desk passes.") }
                    } else {
                        el(.ul, .class("cards")) {
                            for pass in coming {
                                el(.li) {
                                    el(.p) { el(.strong) { words.date(pass.date) }; " " + words.period(pass.period, in: center) }
                                    el(.p) { words.desk(pass.desk) + "　" + words.state(pass.state) }
                                    if pass.state == .booked {
                                        PageKit.button(words("この予約を取り消す", "Cancel this pass"), action: "/my/passes/\(pass.id)/cancel",
                                                       token: signedIn.formToken)
                                    }
                                }
                            }
                        }
                    }
                    el(.p) { el(.a, .href("/my/desks"), .class("button-link")) { words("フリーデスクを予約する", "Book a desk") } }
                }
            }
            if !bookings.isEmpty {
                el(.section, .aria("labelledby", "bookings")) {
                    el(.h2, .id("bookings")) { words("部屋の予約", "Room bookings") }
                    el(.ul, .class("cards")) {
                        for booking in bookings {
                            el(.li) {
                                el(.p) { el(.strong) { words.date(booking.firstDate) }; " " + (center.facility(booking.facility).map(words.facility) ?? "") }
                                el(.p) { DeskTodayPage.units(booking.divisions, words: words, center: center) + "　" + words.state(booking.state) }
                            }
                        }
                    }
                }
            }
            if roomUser {
                el(.section, .aria("labelledby", "rooms")) {
                    el(.h2, .id("rooms")) { words("抽選とキャンセル待ち", "Lottery and waiting list") }
                    el(.ul) {
                        el(.li) { el(.a, .href("/my/lottery")) { words("抽選の申込みと結果", "Lottery entries and results") } }
                        el(.li) { el(.a, .href("/my/waiting")) { words("キャンセル待ち", "Cancellation waiting list") } }
                        el(.li) { el(.a, .href("/lottery")) { words("抽選の公開情報", "Public lottery information") } }
                    }
                }
            }
            if registration != nil {
                MemberCalendarPage.section(liveSince: calendarSince, signedIn: signedIn, words: words)
            }
            if let registration {
                el(.section, .aria("labelledby", "registration")) {
                    el(.h2, .id("registration")) { words[.yourRegistration] }
                    PageKit.facts([(words[.registrationName], registration.name), (words[.slipRegistration], String(registration.id)),
                                   (words[.category], words.category(registration.category.rawValue)),
                                   (words("登録の発行者", "Issued by"), words(registration.issuerNameJa, registration.issuer.nameEn)),
                                   (words[.validUntil], words.date(registration.validUntil))])
                }
            }
            el(.p) { words[.memberForgotten] }
            Layout.signOutEverywhere(signedIn, words: words)
        }
        return PageResponse.html(document, status: status, context: context)
    }

    // MARK: Desks free in the coming days

    static func desks(_ context: PageContext, refusal: (any AnyRefusal)? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.member]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let words = context.words
            let center = service.settings.center
            let today = service.today
            var days: [DeskAvailability] = []
            for offset in 0..<center.desks.windowDays { days.append(try await service.desks.availability(date: today.adding(days: offset))) }
            let periods = center.divisions
            let title = words("フリーデスクの予約", "Book a desk")
            let document = Layout.page(title, context: context, switchPath: "/my/desks") {
                el(.h1) { title }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                el(.p) { words("今日から\(center.desks.windowDays)日間の空き席の数です。時間帯か「1日」を選んで予約してください。デスクは空いている席から割り当てます。",
                               "Free desks in the coming \(center.desks.windowDays) days. Choose a period or the whole day; a free desk is assigned.") }
                el(.div, .class("table-wrap")) {
                    el(.table, .class("data desks")) {
                        el(.caption) { words("日付と時間帯ごとの空き席", "Free desks by date and period") }
                        el(.thead) {
                            el(.tr) {
                                el(.th, .scope("col")) { words("日付", "Date") }
                                for period in periods { el(.th, .scope("col")) { words.division(period) } }
                                el(.th, .scope("col")) { words("1日", "Whole day") }
                            }
                        }
                        el(.tbody) {
                            for day in days {
                                el(.tr) {
                                    el(.th, .scope("row")) { words.shortDate(day.date) }
                                    if !day.open {
                                        el(.td, Attribute(.colspan, String(periods.count + 1)), .class("slot closed")) { words("休館", "Closed") }
                                    } else {
                                        for period in periods {
                                            el(.td) {
                                                let free = day.periods.first { $0.period == period.id }
                                                cell(date: day.date, period: period.id.rawValue, free: free?.free ?? 0,
                                                     label: words("\(free?.free ?? 0)席", "\(free?.free ?? 0) free"), signedIn: signedIn, words: words)
                                            }
                                        }
                                        el(.td) {
                                            let free = day.periods.map(\.free).min() ?? 0
                                            cell(date: day.date, period: "day", free: free, label: words("1日", "Day"), signedIn: signedIn, words: words)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return PageResponse.html(document, status: refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    static func cell(date: LocalDate, period: String, free: Int, label: String, signedIn: SignedIn, words: Words) -> Node {
        guard free > 0 else { return .text(words("満席", "Full")) }
        return el(.form, .method("post"), .action("/my/desks"), .class("inline")) {
            Forms.token(signedIn.formToken)
            el(.input, .type("hidden"), .name("date"), .value(date.description))
            el(.input, .type("hidden"), .name("period"), .value(period))
            el(.button, .type("submit"), .class("secondary slot-button"),
               .aria("label", words.shortDate(date) + " " + (period == "day" ? words("1日", "whole day") : words.period(period, in: nil)) + " " + words("を予約", "book"))) {
                label
            }
        }
    }

    // MARK: Forms

    /// `POST /my/desks`: books the pass, then my page.
    static func book(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            guard let date = form["date"].flatMap(LocalDate.init), let period = form["period"] else {
                return PageRoutes.unreadable(context)
            }
            do {
                _ = try await context.site.service.desks.book(DeskPassRequest(date: date, period: period), by: signedIn.actor)
                return PageResponse.redirect(to: "/?done=pass-booked", context: context)
            } catch .refused(let refusal) {
                return try await desks(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /my/passes/{id}/cancel`.
    static func cancel(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            do {
                _ = try await context.site.service.desks.cancel(pass: id, by: signedIn.actor)
                return PageResponse.redirect(to: "/?done=pass-cancelled", context: context)
            } catch .refused(let refusal) {
                return PageRoutes.refusalPage(refusal, context: context, back: "/")
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /my/passes/{id}/check-in` with the code of the lobby board.
    static func checkIn(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            let words = context.words
            let typed = form["code-\(id)"] ?? ""
            if typed.trimmingCharacters(in: .whitespaces).isEmpty {
                return try await home(context, signedIn: signedIn,
                                      checkInError: (id, words("チェックインコードを入力してください。", "Enter the check-in code.")),
                                      status: .unprocessableContent)
            }
            do {
                _ = try await context.site.service.desks.checkIn(pass: id, lobbyCode: typed, by: signedIn.actor)
                return PageResponse.redirect(to: "/?done=checked-in", context: context)
            } catch .refused(let refusal) {
                var response = try await home(context, signedIn: signedIn, checkInError: (id, words.refusal(refusal)),
                                              status: PageResponse.status(of: refusal))
                if let wait = refusal.details["retry_after"] { response.headers.set("retry-after", wait) }
                return response
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
