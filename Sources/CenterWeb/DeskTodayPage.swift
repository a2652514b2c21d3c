import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// 本日の予約表 (staff): the day's room bookings by room and division and
/// the day's desk passes, with the buttons the counter presses: record a
/// payment, check in. Printable: the print style keeps the tables.
enum DeskTodayPage {
    static func get(_ context: PageContext, refusal: (any AnyRefusal)? = nil) async throws -> HTTPResponse {
        let notice = PageKit.done(context)
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let date = context.request.queryValue("date").flatMap(LocalDate.init) ?? service.today
            let rooms = service.settings.center.facilities.filter { $0.kind == .room && $0.bookable && !$0.divisions.isEmpty }
            let bookings = try await service.bookings.live(from: date, to: date, facilities: rooms.map(\.id))
            let passes = (try? await service.desks.passes(DeskPassFilter(from: date, to: date), for: signedIn.actor))?.items ?? []
            var names: [Int64: String] = [:]
            for id in Set(bookings.map(\.registration) + passes.map(\.registration)) {
                names[id] = (try? await service.registrations.registration(id: id, for: signedIn.actor))?.name
            }
            let document = render(context: context, signedIn: signedIn, date: date, rooms: rooms, bookings: bookings,
                                  passes: passes, names: names, notice: notice, refusal: refusal)
            return PageResponse.html(document, status: refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    static func render(context: PageContext, signedIn: SignedIn, date: LocalDate, rooms: [Facility], bookings: [Booking],
                       passes: [DeskPass], names: [Int64: String], notice: String?, refusal: (any AnyRefusal)?) -> Document {
        let words = context.words
        let center = context.site.service.settings.center
        let title = date == context.site.service.today ? words("本日の予約表", "Today's sheet") : words("予約表", "Sheet")
        let back = "/desk/today?date=\(date)"
        return Layout.page(title, context: context, switchPath: "/desk/today") {
            el(.h1) { title + "　" + words.date(date) }
            if let notice { PageKit.notice(notice) }
            if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
            el(.form, .method("get"), .action("/desk/today"), .class("row screen-only")) {
                Forms.field(Forms.Field(id: "date", label: words("日付", "Date"), type: "date", value: date.description,
                                        autocomplete: "off"), words: words, required: false)
                el(.button, .type("submit"), .class("secondary")) { words("表示する", "Show") }
            }
            el(.h2) { words("部屋", "Rooms") }
            PageKit.table(words("部屋と区分ごとの予約", "Bookings by room and division"), className: "data sheet",
                          headers: [words("部屋", "Room")] + center.divisions.map { words.division($0) + " " + $0.start + "〜" + $0.end },
                          rows: rooms.map { room in
                              [.text(words.facility(room) + (room.floor.map { words("（\($0)階）", " (floor \($0))") } ?? ""))]
                              + center.divisions.map { division in
                                  guard room.divisions.contains(division.id) else { return .text("—") }
                                  guard let booking = bookings.first(where: { $0.facility == room.id && $0.divisions.contains(division.id) })
                                  else { return .text(words("空き", "Free")) }
                                  return cell(booking, name: names[booking.registration], division: division, back: back,
                                              signedIn: signedIn, words: words, today: context.site.service.today)
                              }
                          })
            el(.h2) { words("フリーデスク", "Flexible desks") }
            if passes.isEmpty {
                el(.p) { words("この日のデスクの予約はありません。", "No desk passes on this day.") }
            } else {
                PageKit.table(words("デスクの予約", "Desk passes"),
                              headers: [words("デスク", "Desk"), words("時間帯", "Period"), words("利用者", "User"),
                                        words("状態", "State"), words("操作", "Action")],
                              rows: passes.sorted { ($0.desk.rawValue, $0.startsAt) < ($1.desk.rawValue, $1.startsAt) }.map { pass in
                                  [.text(words.desk(pass.desk)), .text(words.period(pass.period, in: center)),
                                   .text(names[pass.registration] ?? String(pass.registration)), .text(words.state(pass.state)),
                                   pass.state == .booked
                                       ? PageKit.button(words("チェックイン", "Check in"), action: "/desk/passes/\(pass.id)/check-in",
                                                        fields: [("back", back)], token: signedIn.formToken)
                                       : .empty]
                              })
            }
        }
    }

    /// One booked division: who, the state, and the button for the next step.
    static func cell(_ booking: Booking, name: String?, division: Division, back: String, signedIn: SignedIn, words: Words,
                     today: LocalDate) -> Node {
        .fragment([
            el(.a, .href(SafeURL("/desk/bookings/\(booking.id)"))) { name ?? words("登録\(booking.registration)", "Registration \(booking.registration)") },
            el(.span, .class("state")) { words.state(booking.state) },
            booking.divisions.first == division.id
                ? action(booking, back: back, signedIn: signedIn, words: words, today: today) : .empty,
        ])
    }

    /// The next step of `booking`: record its payment, or check it in on a day of use (`today`).
    static func action(_ booking: Booking, back: String, signedIn: SignedIn, words: Words, today: LocalDate) -> Node {
        switch booking.state {
        case .provisional:
            PageKit.button(words("入金を記録", "Record payment"), action: "/desk/bookings/\(booking.id)/pay",
                           fields: [("back", back)], token: signedIn.formToken)
        case .paid where booking.firstDate <= today && today <= booking.lastDate:
            PageKit.button(words("チェックイン", "Check in"), action: "/desk/bookings/\(booking.id)/check-in",
                           fields: [("back", back)], token: signedIn.formToken)
        default:
            .empty
        }
    }

    /// `POST /desk/bookings/{id}/pay|check-in`, `/desk/passes/{id}/check-in`:
    /// done, back to the sheet with a notice; refused, the sheet with the refusal.
    static func act(_ context: PageContext, _ what: String) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            let actor = signedIn.actor
            let service = context.site.service
            var refusal: (any AnyRefusal)?
            var done = ""
            switch what {
            case "pay":
                do { _ = try await service.bookings.pay(booking: id, by: actor); done = "paid" }
                catch .refused(let r) { refusal = r } catch .failed(let f) { throw f }
            case "booking-check-in":
                do { _ = try await service.bookings.checkIn(booking: id, by: actor); done = "checked-in" }
                catch .refused(let r) { refusal = r } catch .failed(let f) { throw f }
            default:
                do { _ = try await service.desks.checkIn(pass: id, by: actor); done = "checked-in" }
                catch .refused(let r) { refusal = r } catch .failed(let f) { throw f }
            }
            let back = form["back"].flatMap { $0.hasPrefix("/desk/") ? $0 : nil } ?? "/desk/today"
            if let refusal { return PageRoutes.refusalPage(refusal, context: context, back: back) }
            return PageResponse.redirect(to: SafeURL.path(back.split(separator: "?").first.map(String.init) ?? back,
                                                          query: query(of: back) + [("done", done)]), context: context)
        }
    }

    static func query(of target: String) -> [(String, String)] {
        guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
        return q.split(separator: "&").compactMap { pair in
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return kv.count == 2 && kv[0] != "done" ? (kv[0], kv[1].removingPercentEncoding ?? kv[1]) : nil
        }
    }
}
