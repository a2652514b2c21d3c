import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer
import Roadmap

/// 休館日 (staff): the ad-hoc closures (臨時休館, `GET /closures`) with their
/// reason in Japanese, what each did (bookings cancelled whole, bookings of
/// which only the closed days were cancelled, with the refund, desk passes)
/// and whom to call, lifting one; declaring one, with the bookings it would
/// hit shown first and, for a booking of several days, the holder's choice
/// to cancel it whole (`whole_bookings`); and the closed days of each room
/// over the coming three months, from the same availability the booking
/// grid reads (the calendar, ad-hoc closures and the roadmap's works).
enum ClosuresPage {
    /// One run of closed days of a room with the same reasons.
    struct Run: Equatable {
        var from: LocalDate
        var to: LocalDate
        let reasons: [String]
    }

    /// What the declaration form carries.
    struct Declaration {
        var date = ""
        var to = ""
        var facilities: [String] = []
        var reasonJa = ""
        var reasonEn = ""
        var errors: [String: String] = [:]
    }

    static func get(_ context: PageContext, declaration: Declaration = Declaration(), refusal: (any AnyRefusal)? = nil,
                    status: HTTPStatus? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let words = context.words
            let center = service.settings.center
            let from = service.today
            let to = from.adding(days: Bookings.maximumAvailabilityDays - 1)
            let closures = (try? await service.calendar.closures(from: from.adding(days: -30), to: nil, facility: nil)) ?? []
            let byRoom = try await runs(service: service, from: from, to: to, signedIn: signedIn, words: words)
            let title = words("休館日", "Closures")
            let document = Layout.page(title, context: context, switchPath: "/desk/closures") {
                el(.h1) { title }
                if let notice = PageKit.done(context) { PageKit.notice(notice) }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(["date", "to", "reason_ja"].compactMap { key in declaration.errors[key].map { (key, $0) } }, words: words)
                el(.section, .aria("labelledby", "ad-hoc")) {
                    el(.h2, .id("ad-hoc")) { words("臨時休館", "Ad-hoc closures") }
                    if closures.isEmpty {
                        el(.p) { words("この30日とこれからの臨時休館はありません。", "No ad-hoc closures from the last 30 days on.") }
                    }
                    for closure in closures {
                        closureCard(closure, center: center, signedIn: signedIn, words: words)
                    }
                }
                el(.section, .aria("labelledby", "declare"), .class("aside screen-only")) {
                    el(.h2, .id("declare")) { words("臨時休館を登録する", "Declare a closure") }
                    el(.p) {
                        words("次の画面で、休館にかかる予約を確かめてから登録します。予約はセンターの都合による取消し（全額還付）になり、数日にわたる予約は休館の日だけを取り消します。",
                              "The next page shows the bookings it hits before it is declared. They are cancelled by the center (refunded in full); a booking of several days loses only the days closed.")
                    }
                    declarationForm(declaration, center: center, signedIn: signedIn, words: words, action: "/desk/closures/check")
                }
                el(.section, .aria("labelledby", "by-room")) {
                    el(.h2, .id("by-room")) { words("部屋ごとの休館日", "Closed days by room") }
                    el(.p) { words("\(words.date(from)) から \(words.date(to)) まで。", "From \(words.date(from)) to \(words.date(to)).") }
                    let common = byRoom.first.map { first in first.1.filter { run in byRoom.allSatisfy { $0.1.contains(run) } } } ?? []
                    el(.h3) { words("すべての部屋", "Every room") }
                    runList(common, words: words)
                    for (room, runs) in byRoom {
                        let own = runs.filter { !common.contains($0) }
                        if !own.isEmpty {
                            el(.h3) { words.facility(room) }
                            runList(own, words: words)
                        }
                    }
                    if byRoom.allSatisfy({ $0.1.allSatisfy(common.contains) }) {
                        el(.p) { words("ほかに部屋ごとの休館日はありません。", "No room has other closed days.") }
                    }
                }
            }
            return PageResponse.html(document, status: status ?? refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    static func runList(_ runs: [Run], words: Words) -> Node {
        guard !runs.isEmpty else { return el(.p) { words("この期間の休館日はありません。", "No closed days in this period.") } }
        return el(.ul, .class("closures")) {
            for run in runs {
                el(.li) {
                    el(.strong) { words.date(run.from) + (run.to == run.from ? "" : " 〜 " + words.date(run.to)) }
                    " " + run.reasons.joined(separator: "／")
                }
            }
        }
    }

    static func runs(service: CenterService, from: LocalDate, to: LocalDate, signedIn: SignedIn,
                     words: Words) async throws -> [(Facility, [Run])] {
        var byRoom: [(Facility, [Run])] = []
        for room in DeskBookingPages.rooms(service.settings.center) {
            let days = (try? await service.bookings.availability(facility: room.id, from: from, to: to, category: nil,
                                                                 for: signedIn.actor)) ?? []
            var runs: [Run] = []
            for day in days where !day.open {
                let reasons = day.reasons.map { text(of: $0, roadmap: service.roadmap.schedule, words: words) }
                if var last = runs.last, last.to.adding(days: 1) == day.date, last.reasons == reasons {
                    last.to = day.date
                    runs[runs.count - 1] = last
                } else {
                    runs.append(Run(from: day.date, to: day.date, reasons: reasons))
                }
            }
            byRoom.append((room, runs))
        }
        return byRoom
    }

    /// One ad-hoc closure: dates, rooms, reason, who declared it, what it did, whom to call, and lifting it.
    static func closureCard(_ closure: ClosureRecord, center: CenterConfiguration, signedIn: SignedIn, words: Words) -> Node {
        let rooms = closure.facilities.isEmpty ? words("全館", "The whole center")
            : closure.facilities.map { id in center.facility(id).map(words.facility) ?? id.rawValue }.joined(separator: "、")
        return el(.article, .class(closure.liftedAt == nil ? "closure" : "closure lifted")) {
            el(.h3) {
                words.date(closure.date) + (closure.to == closure.date ? "" : " 〜 " + words.date(closure.to)) + "　" + rooms
                if closure.liftedAt != nil { el(.span, .class("badge")) { words("解除済み", "Lifted") } }
            }
            PageKit.facts([
                (words("理由", "Reason"), words(closure.reasonJa ?? closure.reasonEn ?? "", closure.reasonEn ?? closure.reasonJa ?? "")),
                (words("登録", "Declared"), words.dateTime(closure.createdAt) + "　" + closure.createdBy),
            ] + (closure.liftedAt.map { [(words("解除", "Lifted"), words.dateTime($0) + "　" + (closure.liftedBy ?? ""))] } ?? []))
            if !closure.cancelled.isEmpty || !closure.daysCancelled.isEmpty || !closure.cancelledDeskPasses.isEmpty {
                el(.ul, .class("effects")) {
                    for booking in closure.cancelled {
                        el(.li) {
                            el(.a, .href(SafeURL("/desk/bookings/\(booking.id)"))) { words("予約 \(booking.id)", "Booking \(booking.id)") }
                            words("　全体を取消し", " cancelled whole")
                        }
                    }
                    for partial in closure.daysCancelled {
                        el(.li) {
                            el(.a, .href(SafeURL("/desk/bookings/\(partial.booking.id)"))) { words("予約 \(partial.booking.id)", "Booking \(partial.booking.id)") }
                            words("　休館の日だけ取消し：", " only the closed days cancelled: ")
                                + partial.days.map(words.shortDate).joined(separator: "、")
                                + words("（還付 \(words.yen(partial.refund))）", " (refund \(words.yen(partial.refund)))")
                        }
                    }
                    if !closure.cancelledDeskPasses.isEmpty {
                        el(.li) { words("フリーデスク \(closure.cancelledDeskPasses.count)件を取消し", "\(closure.cancelledDeskPasses.count) desk passes cancelled") }
                    }
                }
            }
            if let holders = closure.holders, !holders.isEmpty {
                PageKit.table(words("連絡する方", "Whom to call"),
                              headers: [words("利用者", "User"), words("連絡先", "Contact"), words("予約", "Bookings")],
                              rows: holders.map { holder in
                                  [el(.a, .href(SafeURL("/desk/registrations/\(holder.registration)"))) { holder.name.ifEmpty(String(holder.registration)) },
                                   .text(holder.contact.isEmpty ? "—" : holder.contact),
                                   .text((holder.bookings.map(String.init) + holder.deskPasses.map { words("デスク\($0)", "desk \($0)") })
                                         .joined(separator: "、"))]
                              })
            }
            if closure.liftedAt == nil {
                PageKit.button(words("この臨時休館を解除する", "Lift this closure"), action: "/desk/closures/\(closure.id)/lift",
                               token: signedIn.formToken)
            }
        }
    }

    static func declarationForm(_ declaration: Declaration, center: CenterConfiguration, signedIn: SignedIn, words: Words,
                                action: String) -> Node {
        el(.form, .method("post"), .action(SafeURL(action)), Attribute(.novalidate), .class("stack")) {
            Forms.token(signedIn.formToken)
            Forms.field(Forms.Field(id: "date", label: words("休館の初日", "First day"), type: "date", value: declaration.date,
                                    autocomplete: "off", hint: words("例：2026-12-11", "e.g. 2026-12-11"), error: declaration.errors["date"]),
                        words: words)
            PageKit.optional(Forms.Field(id: "to", label: words("休館の最終日（1日だけなら空欄）", "Last day (blank for one day)"), type: "date",
                                         value: declaration.to, autocomplete: "off", error: declaration.errors["to"]), words: words)
            el(.fieldset, .class("choices columns")) {
                el(.legend) { words("休館にする施設（選ばなければ全館）", "Facilities (none: the whole center)") }
                for room in center.facilities where room.bookable && (room.kind == .room || room.kind == .desk) {
                    el(.div, .class("check")) {
                        el(.input, attributes: [.type("checkbox"), .id("closure-\(room.id.rawValue)"), .name("closure_facility"),
                                                .value(room.id.rawValue)] + (declaration.facilities.contains(room.id.rawValue) ? [.checked] : []))
                        el(.label, .for("closure-\(room.id.rawValue)")) { words.facility(room) }
                    }
                }
            }
            Forms.field(Forms.Field(id: "reason_ja", label: words("理由（日本語）", "Reason (Japanese)"), value: declaration.reasonJa,
                                    autocomplete: "off", hint: words("利用者への連絡やロビーの表示に出ます。", "Shown to users and on the lobby board."),
                                    error: declaration.errors["reason_ja"]), words: words)
            PageKit.optional(Forms.Field(id: "reason_en", label: words("理由（英語）", "Reason (English)"), value: declaration.reasonEn,
                                         autocomplete: "off"), words: words)
            el(.button, .type("submit"), .class(action.hasSuffix("/check") ? "secondary" : "danger")) {
                action.hasSuffix("/check") ? words("かかる予約を確かめる", "Check the bookings it hits") : words("臨時休館を登録する", "Declare the closure")
            }
        }
    }

    /// The declaration a form names, or the errors next to its fields.
    static func declaration(_ form: FormBody, words: Words) -> (Declaration, ClosureInput?) {
        var declaration = Declaration(date: form["date"] ?? "", to: form["to"] ?? "", facilities: form.all("closure_facility"),
                                      reasonJa: form["reason_ja"] ?? "", reasonEn: form["reason_en"] ?? "")
        let date = LocalDate(declaration.date.trimmingCharacters(in: .whitespaces))
        if date == nil { declaration.errors["date"] = words("初日を 2026-12-11 の形で入力してください。", "Enter the first day as 2026-12-11.") }
        let to = declaration.to.isEmpty ? nil : LocalDate(declaration.to.trimmingCharacters(in: .whitespaces))
        if !declaration.to.isEmpty && to == nil { declaration.errors["to"] = words("最終日を 2026-12-12 の形で入力してください。", "Enter the last day as 2026-12-12.") }
        let ja = declaration.reasonJa.trimmingCharacters(in: .whitespaces), en = declaration.reasonEn.trimmingCharacters(in: .whitespaces)
        if ja.isEmpty && en.isEmpty { declaration.errors["reason_ja"] = words("休館の理由を入力してください。", "Enter the reason.") }
        guard let date, declaration.errors.isEmpty else { return (declaration, nil) }
        return (declaration, ClosureInput(date: date, to: to, facilities: declaration.facilities.map { FacilityID($0) },
                                          reasonJa: ja.isEmpty ? nil : ja, reasonEn: en.isEmpty ? nil : en,
                                          wholeBookings: form.all("whole_booking").compactMap { Int64($0) }))
    }

    /// `POST /desk/closures/check`: the live bookings the closure would hit
    /// and, when it closes the desk pool (or the center), the desk passes it
    /// would cancel; then the form to declare it.
    static func check(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let words = context.words
            let service = context.site.service
            let center = service.settings.center
            let (declaration, input) = declaration(form, words: words)
            guard let input else { return try await get(context, declaration: declaration, status: .unprocessableContent) }
            let last = input.to ?? input.date
            var hit: [Booking] = []
            let pool = center.desks.pool
            let rooms = input.facilities.filter { $0 != pool }
            for facility in input.facilities.isEmpty ? [nil] : rooms.map(Optional.some) {
                do {
                    hit += try await service.bookings.list(BookingFilter(from: input.date, to: last, facility: facility,
                                                                         states: [.provisional, .paid]), for: signedIn.actor).items
                } catch .refused(let refusal) {
                    return try await get(context, declaration: declaration, refusal: refusal)
                } catch .failed(let failure) { throw failure }
            }
            var passes: [DeskPass] = []
            if input.facilities.isEmpty || input.facilities.contains(pool) {
                do {
                    passes = try await service.desks.passes(DeskPassFilter(from: input.date, to: last, states: [.booked, .checkedIn]),
                                                            for: signedIn.actor).items
                } catch .refused(let refusal) {
                    return try await get(context, declaration: declaration, refusal: refusal)
                } catch .failed(let failure) { throw failure }
            }
            let title = words("臨時休館の確認", "Check the closure")
            let document = Layout.page(title, context: context, switchPath: "/desk/closures") {
                el(.h1) { title }
                el(.p) { words("まだ登録されていません。かかる予約を確かめて「臨時休館を登録する」を押してください。", "Nothing is declared yet. Check the bookings and press “Declare the closure”.") }
                el(.form, .method("post"), .action("/desk/closures"), .class("stack")) {
                    Forms.token(signedIn.formToken)
                    for (name, value) in [("date", declaration.date), ("to", declaration.to), ("reason_ja", declaration.reasonJa),
                                          ("reason_en", declaration.reasonEn)] {
                        el(.input, .type("hidden"), .name(name), .value(value))
                    }
                    for facility in declaration.facilities { el(.input, .type("hidden"), .name("closure_facility"), .value(facility)) }
                    PageKit.facts([
                        (words("期間", "Dates"), words.date(input.date) + (last == input.date ? "" : " 〜 " + words.date(last))),
                        (words("施設", "Facilities"), input.facilities.isEmpty ? words("全館", "The whole center")
                            : input.facilities.map { id in center.facility(id).map(words.facility) ?? id.rawValue }.joined(separator: "、")),
                        (words("理由", "Reason"), input.reasonJa ?? input.reasonEn ?? ""),
                    ])
                    if hit.isEmpty {
                        el(.p) { words("この休館にかかる予約はありません。", "No booking is hit.") }
                    } else {
                        el(.p) { words("次の\(hit.count)件の予約がかかります。センターの都合による取消しとして全額を還付します。", "These \(hit.count) bookings are hit; they are refunded in full.") }
                        PageKit.table(words("かかる予約", "Bookings hit"),
                                      headers: [words("予約番号", "No."), words("部屋", "Room"), words("利用日", "Dates"),
                                                words("利用者", "User"), words("全体を取り消す", "Cancel whole")],
                                      rows: hit.map { booking in
                                          [el(.a, .href(SafeURL("/desk/bookings/\(booking.id)"))) { String(booking.id) },
                                           .text(center.facility(booking.facility).map(words.facility) ?? booking.facility.rawValue),
                                           .text(words.date(booking.firstDate) + (booking.lastDate == booking.firstDate ? "" : " 〜 " + words.date(booking.lastDate))),
                                           .text(String(booking.registration)),
                                           booking.dates.count > 1
                                               ? el(.div, .class("check")) {
                                                   el(.input, .type("checkbox"), .id("whole-\(booking.id)"), .name("whole_booking"), .value(String(booking.id)))
                                                   el(.label, .for("whole-\(booking.id)")) { words("利用者の希望で全体を取り消す", "The holder chose to cancel it whole") }
                                               }
                                               : .text(words("全体を取消し", "Cancelled whole"))]
                                      })
                    }
                    if !passes.isEmpty {
                        el(.p) { words("フリーデスクの次の\(passes.count)件の利用も取り消します。", "These \(passes.count) desk passes are cancelled too.") }
                        PageKit.table(words("取り消すフリーデスク", "Desk passes cancelled"),
                                      headers: [words("番号", "No."), words("利用日", "Date"), words("デスク", "Desk"),
                                                words("時間", "Period"), words("利用者", "User")],
                                      rows: passes.map { pass in
                                          [.text(String(pass.id)), .text(words.date(pass.date)), .text(words.desk(pass.desk)),
                                           .text(words.period(pass.period, in: center)), .text(String(pass.registration))]
                                      })
                    }
                    el(.button, .type("submit"), .class("danger")) { words("臨時休館を登録する", "Declare the closure") }
                }
                el(.p) { el(.a, .href("/desk/closures")) { words("やめて戻る", "Back without declaring") } }
            }
            return PageResponse.html(document, context: context)
        }
    }

    /// `POST /desk/closures`: declares it, then the list with what it did.
    static func declare(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let (declaration, input) = declaration(form, words: context.words)
            guard let input else { return try await get(context, declaration: declaration, status: .unprocessableContent) }
            do {
                _ = try await context.site.service.calendar.declareClosure(input, by: signedIn.actor)
                return PageResponse.redirect(to: "/desk/closures?done=closure-declared#ad-hoc", context: context)
            } catch .refused(let refusal) {
                return try await get(context, declaration: declaration, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /desk/closures/{id}/lift`.
    static func lift(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            do {
                _ = try await context.site.service.calendar.liftClosure(id: id, by: signedIn.actor)
                return PageResponse.redirect(to: "/desk/closures?done=closure-lifted#ad-hoc", context: context)
            } catch .refused(let refusal) {
                return try await get(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// A closure's reason as people read it: an ad-hoc closure's own words in the reader's language.
    static func text(of reason: ClosureReason, roadmap: RoadmapSchedule, words: Words) -> String {
        switch reason.kind {
        case .yearEnd: return words("年末年始", "Year-end holidays")
        case .regularClosedDay: return words("定期休館日", "Regular closed day")
        case .holiday: return words(reason.reasonJa ?? reason.reason ?? "祝日", reason.reason ?? "Public holiday")
        case .adHoc: return words("臨時休館：", "Closed: ") + (words(reason.reasonJa ?? reason.reason ?? "", reason.reason ?? reason.reasonJa ?? ""))
        case .works:
            let item = reason.itemID.flatMap(roadmap.item)
            return words("工事：", "Works: ") + (item.map { words($0.titleJa, $0.titleEn) } ?? reason.itemID ?? "")
        }
    }
}
