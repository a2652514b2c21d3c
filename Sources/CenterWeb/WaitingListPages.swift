import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// キャンセル待ち (the rooms' cancellation waiting list): a registration's
/// entries (a member's own on `/my/waiting`, staff for anyone on
/// `/desk/waiting?registration=`), each with its place in line or, when a
/// freed slot is offered, the deadline and the buttons to take it (承諾:
/// booked provisional) or pass it on (辞退); leaving the line; and joining it
/// for a taken slot (staff reach the form from the month grid's taken slots).
enum WaitingListPages {
    /// What the join form carries.
    struct Join {
        var facility = ""
        var date = ""
        var division = ""
        var purpose = ""
        var attendees = "10"
        var errors: [String: String] = [:]
    }

    static func path(staff: Bool, registration: Int64) -> String {
        staff ? "/desk/waiting?registration=\(registration)" : "/my/waiting"
    }

    /// `GET /my/waiting`, `GET /desk/waiting?registration=` (with `facility`, `date`, `division` to fill the form).
    static func entries(_ context: PageContext, staff: Bool, registration asked: Int64? = nil, join given: Join? = nil,
                        refusal: (any AnyRefusal)? = nil, status: HTTPStatus? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, staff ? [.staff, .admin] : [.member]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let words = context.words
            let center = service.settings.center
            let request = context.request
            guard let registration = asked ?? (staff ? request.queryValue("registration").flatMap { Int64($0.applyingHalfWidthDigits) }
                                                : signedIn.actor.registrationID) else { return PageRoutes.notFound(context) }
            let record: RegistrationRecord
            do { record = try await service.registrations.registration(id: registration, for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let entries: [WaitingEntryRecord]
            do { entries = try await service.waitingList.entries(registration: registration, facility: nil, date: nil, all: true,
                                                                 for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let join = given ?? Join(facility: request.queryValue("facility") ?? "", date: request.queryValue("date") ?? "",
                                     division: request.queryValue("division") ?? "")
            let title = words("キャンセル待ち", "Cancellation waiting list")
            let document = Layout.page(title, context: context, switchPath: path(staff: staff, registration: registration)) {
                el(.h1) { title }
                if staff { el(.p) { record.name + words("（登録番号 \(record.id)）", " (no. \(record.id))") } }
                if let notice = PageKit.done(context) { PageKit.notice(notice) }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(["facility", "date", "division", "purpose", "attendees"].compactMap { key in join.errors[key].map { (key, $0) } },
                              words: words)
                el(.p) {
                    words("予約済みの枠に取消しが出ると、待っている方に順にご案内します。案内を受けたら、期限までに「予約する」を押すと仮予約になります。",
                          "When a taken slot is cancelled, it is offered to those waiting in turn. Press “Book it” by the deadline to take it as a provisional booking.")
                }
                if entries.isEmpty {
                    el(.p) { words("キャンセル待ちはありません。", "No waiting entries.") }
                } else {
                    el(.ul, .class("cards")) {
                        for entry in entries {
                            el(.li, .class(entry.state == "offered" ? "offer" : "waiting")) {
                                card(entry, staff: staff, center: center, signedIn: signedIn, words: words)
                            }
                        }
                    }
                }
                el(.h2) { words("キャンセル待ちに申し込む", "Join the waiting list") }
                joinForm(join, staff: staff, registration: registration, center: center, signedIn: signedIn, words: words)
            }
            return PageResponse.html(document, status: status ?? refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    static func card(_ entry: WaitingEntryRecord, staff: Bool, center: CenterConfiguration, signedIn: SignedIn, words: Words) -> Node {
        let prefix = staff ? "/desk/waiting/\(entry.id)" : "/my/waiting/\(entry.id)"
        return .fragment([
            el(.p) {
                el(.strong) { words.date(entry.date) }
                " " + (center.facility(entry.facility).map(words.facility) ?? entry.facility.rawValue) + "　"
                    + DeskTodayPage.units([entry.division], words: words, center: center)
            },
            el(.p) { state(entry, words: words) },
            entry.state == "offered"
                ? el(.div, .class("actions")) {
                    PageKit.button(words("予約する（承諾）", "Book it (accept)"), action: prefix + "/accept", token: signedIn.formToken,
                                   style: "primary")
                    PageKit.button(words("辞退する", "Decline"), action: prefix + "/decline", token: signedIn.formToken)
                }
                : entry.state == "waiting"
                ? PageKit.button(words("キャンセル待ちをやめる", "Leave the line"), action: prefix + "/withdraw", token: signedIn.formToken)
                : entry.booking.map { booking in
                    staff ? el(.a, .href(SafeURL("/desk/bookings/\(booking)"))) { words("予約 \(booking) を開く", "Open booking \(booking)") }
                        : el(.p) { words("予約番号 \(booking)", "Booking \(booking)") }
                } ?? .empty,
        ])
    }

    static func state(_ entry: WaitingEntryRecord, words: Words) -> String {
        switch entry.state {
        case "waiting":
            return words("待っています", "Waiting") + (entry.position.map { words("（\($0)番目）", " (number \($0))") } ?? "")
                + words("　受付は\(words.date(entry.lastWaitingDay))まで", ", until \(words.date(entry.lastWaitingDay))")
        case "offered":
            return words("空きが出ました。", "A place is free for you. ")
                + (entry.deadline.map { words("\(words.dateTime($0))までにお返事ください。", "Answer by \(words.dateTime($0)).") } ?? "")
        case "accepted": return words("予約しました", "Booked")
        case "declined": return words("辞退しました", "Declined")
        case "expired": return words("期限までにお返事がなく、次の方に回りました", "Not answered in time; passed on")
        case "withdrawn": return words("取り下げました", "Left the line")
        case "closed": return words("受付期間が終わりました", "Closed before use")
        default: return entry.state
        }
    }

    static func joinForm(_ join: Join, staff: Bool, registration: Int64, center: CenterConfiguration, signedIn: SignedIn,
                         words: Words) -> Node {
        let rooms = DeskBookingPages.rooms(center).filter { $0.unit == .division }
        return el(.form, .method("post"), .action(staff ? "/desk/waiting" : "/my/waiting"), Attribute(.novalidate), .class("stack")) {
            Forms.token(signedIn.formToken)
            if staff { el(.input, .type("hidden"), .name("registration"), .value(String(registration))) }
            PageKit.select(id: "facility", label: words("施設", "Room"),
                           options: rooms.map { ($0.id.rawValue, words.facility($0)) },
                           selected: join.facility, error: join.errors["facility"], words: words)
            Forms.field(Forms.Field(id: "date", label: words("利用日", "Date"), type: "date", value: join.date, autocomplete: "off",
                                    hint: words("例：2026-12-20", "e.g. 2026-12-20"), error: join.errors["date"]), words: words)
            PageKit.select(id: "division", label: words("区分", "Division"),
                           options: center.divisions.map { ($0.id.rawValue, words.period($0.id.rawValue, in: center)) },
                           selected: join.division, error: join.errors["division"], words: words)
            Forms.field(Forms.Field(id: "purpose", label: words("利用目的", "Purpose"), value: join.purpose, autocomplete: "off",
                                    error: join.errors["purpose"]), words: words)
            Forms.field(Forms.Field(id: "attendees", label: words("利用人数", "Attendees"), value: join.attendees, autocomplete: "off",
                                    error: join.errors["attendees"], inputmode: "numeric"), words: words)
            el(.button, .type("submit"), .class("primary")) { words("キャンセル待ちに申し込む", "Join the waiting list") }
        }
    }

    /// `POST /my/waiting`, `POST /desk/waiting`.
    static func join(_ context: PageContext, staff: Bool) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: staff ? [.staff, .admin] : [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let words = context.words
            // `division` is a repeatable field (the lottery's boxes); this form sends one.
            var join = Join(facility: form["facility"] ?? "", date: form["date"] ?? "", division: form.all("division").first ?? "",
                            purpose: form["purpose"] ?? "", attendees: form["attendees"] ?? "")
            guard let registration = staff ? form["registration"].flatMap({ Int64($0) }) : signedIn.actor.registrationID else {
                return PageRoutes.unreadable(context)
            }
            let date = LocalDate(join.date.trimmingCharacters(in: .whitespaces))
            if date == nil { join.errors["date"] = words("利用日を 2026-12-20 の形で入力してください。", "Enter the date as 2026-12-20.") }
            if join.purpose.trimmingCharacters(in: .whitespaces).isEmpty { join.errors["purpose"] = words("利用目的を入力してください。", "Enter the purpose.") }
            let attendees = Int(join.attendees.applyingHalfWidthDigits.trimmingCharacters(in: .whitespaces))
            if attendees == nil || attendees ?? 0 < 1 { join.errors["attendees"] = words("利用人数を1以上の半角数字で入力してください。", "Enter the attendees as a number from 1.") }
            guard let date, let attendees, join.errors.isEmpty else {
                return try await entries(context, staff: staff, registration: registration, join: join, status: .unprocessableContent)
            }
            let request = WaitingJoinRequest(registration: registration, facility: FacilityID(join.facility), date: date,
                                             division: DivisionID(join.division), purpose: join.purpose, attendees: attendees)
            do {
                _ = try await context.site.service.waitingList.join(request, by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL(path(staff: staff, registration: registration)
                                                         + (staff ? "&" : "?") + "done=waiting-joined"), context: context)
            } catch .refused(let refusal) {
                return try await entries(context, staff: staff, registration: registration, join: join, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// What a button on an entry does.
    enum Step { case accept, decline, withdraw }

    /// `POST …/waiting/{id}/accept|decline|withdraw`.
    static func step(_ context: PageContext, _ step: Step, staff: Bool) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: staff ? [.staff, .admin] : [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            let service = context.site.service
            let back = staff ? "/desk/registrations" : "/my/waiting"
            switch step {
            case .accept:
                do {
                    guard let booking = try await service.waitingList.accept(entry: id, by: signedIn.actor).value else {
                        return PageRoutes.notFound(context)
                    }
                    return PageResponse.redirect(to: SafeURL(staff ? "/desk/bookings/\(booking.id)?done=booked" : "/?done=offer-accepted"),
                                                 context: context)
                } catch .refused(let refusal) {
                    return PageRoutes.refusalPage(refusal, context: context, back: back)
                } catch .failed(let failure) { throw failure }
            case .decline, .withdraw:
                do {
                    let entry = step == .decline ? try await service.waitingList.decline(entry: id, by: signedIn.actor)
                        : try await service.waitingList.withdraw(entry: id, by: signedIn.actor)
                    let registration = entry.value?.registration ?? 0
                    let done = step == .decline ? "offer-declined" : "waiting-withdrawn"
                    return PageResponse.redirect(to: SafeURL(path(staff: staff, registration: registration) + (staff ? "&" : "?")
                                                             + "done=" + done), context: context)
                } catch .refused(let refusal) {
                    return PageRoutes.refusalPage(refusal, context: context, back: back)
                } catch .failed(let failure) { throw failure }
            }
        }
    }
}
