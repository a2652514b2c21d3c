import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer
import Roadmap

/// 本日の予約表 (staff): the front desk's day sheet (`GET /front-desk/day`):
/// each room by division with who holds it, the day's bookings with their
/// holder, contact, state and what is still due, and the day's desk passes;
/// with the buttons the counter presses: 入金 (to the booking's payment
/// form), チェックイン, 無断キャンセル once the first division has started.
/// Printable: the print style keeps the tables and drops the buttons.
enum DeskTodayPage {
    static func get(_ context: PageContext, refusal: (any AnyRefusal)? = nil) async throws -> HTTPResponse {
        let notice = PageKit.done(context)
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let date = context.request.queryValue("date").flatMap(LocalDate.init) ?? service.today
            let sheet = try await service.frontDesk.daySheet(date: date)
            let document = render(context: context, signedIn: signedIn, sheet: sheet, now: service.clock.now(), notice: notice,
                                  refusal: refusal)
            return PageResponse.html(document, status: refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    static func render(context: PageContext, signedIn: SignedIn, sheet: DaySheet, now: Instant, notice: String?,
                       refusal: (any AnyRefusal)?) -> Document {
        let words = context.words
        let service = context.site.service
        let center = service.settings.center
        let date = sheet.date
        let title = date == service.today ? words("本日の予約表", "Today's sheet") : words("予約表", "Sheet")
        let back = "/desk/today?date=\(date)"
        let lines = sheet.rooms.flatMap { room in room.bookings.map { (room: room, line: $0) } }
        return Layout.page(title, context: context, switchPath: "/desk/today") {
            el(.h1) { title + "　" + words.date(date) }
            if let notice { PageKit.notice(notice) }
            if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
            el(.form, .method("get"), .action("/desk/today"), .class("row screen-only")) {
                Forms.field(Forms.Field(id: "date", label: words("日付", "Date"), type: "date", value: date.description,
                                        autocomplete: "off"), words: words, required: false)
                el(.button, .type("submit"), .class("secondary")) { words("表示する", "Show") }
            }
            if !sheet.open { PageKit.notice(words("この日は休館日です。", "The center is closed on this day."), alert: true) }
            PageKit.facts([(words("この日の未収金", "Still to collect"), words.yen(sheet.amountDue)),
                           (words("部屋の予約", "Room bookings"), words("\(lines.count)件", "\(lines.count)")),
                           (words("フリーデスク", "Desk passes"), words("\(sheet.deskPasses.count)件", "\(sheet.deskPasses.count)"))])
            el(.h2) { words("部屋と区分", "Rooms by division") }
            roomTable(sheet.rooms.filter { room in center.facility(room.facility)?.unit != .hour }, words: words, center: center,
                      roadmap: service.roadmap.schedule)
            hourlyRooms(sheet.rooms.filter { room in center.facility(room.facility)?.unit == .hour }, words: words, center: center,
                        roadmap: service.roadmap.schedule)
            el(.h2) { words("この日の部屋の予約", "Room bookings of the day") }
            if lines.isEmpty {
                el(.p) { words("この日の部屋の予約はありません。", "No room bookings on this day.") }
            } else {
                PageKit.table(words("予約と入金・チェックイン", "Bookings, payments and check-in"), className: "data sheet",
                              headers: [words("予約番号", "No."), words("部屋・区分", "Room and time"), words("利用者", "User"),
                                        words("目的・人数", "Purpose"), words("状態", "State"), words("未収", "Due"),
                                        words("操作", "Action")],
                              rows: lines.map { room, line in
                                  [el(.a, .href(SafeURL("/desk/bookings/\(line.booking)"))) { String(line.booking) },
                                   .text(name(room, words: words, center: center) + "　" + units(line.divisions, words: words, center: center)
                                         + (line.days > 1 ? words("（\(line.days)日間の\(line.day)日目）", " (day \(line.day) of \(line.days))") : "")),
                                   holder(line.holder),
                                   .text("\(line.purpose)（\(words("\(line.attendees)人", "\(line.attendees)"))）"),
                                   .text(words.state(line.state)),
                                   .text(line.amountDue > 0 ? words.yen(line.amountDue) : "—"),
                                   actions(line, date: date, now: now, back: back, signedIn: signedIn, words: words, today: service.today)]
                              })
            }
            el(.h2) { words("フリーデスク", "Flexible desks") }
            if sheet.deskPasses.isEmpty {
                el(.p) { words("この日のデスクの予約はありません。", "No desk passes on this day.") }
            } else {
                PageKit.table(words("デスクの予約", "Desk passes"),
                              headers: [words("デスク", "Desk"), words("時間帯", "Period"), words("利用者", "User"),
                                        words("状態", "State"), words("操作", "Action")],
                              rows: sheet.deskPasses.map { pass in
                                  [.text(words.desk(pass.desk)), .text(words.period(pass.period, in: center)), holder(pass.holder),
                                   .text(words.state(pass.state)),
                                   pass.state == .booked && date == service.today
                                       ? PageKit.button(words("チェックイン", "Check in"), action: "/desk/passes/\(pass.deskPass)/check-in",
                                                        fields: [("back", back)], token: signedIn.formToken)
                                       : .empty]
                              })
            }
        }
    }

    /// The rooms booked by division: a row per room, a column per division,
    /// each cell the holder of its booking (linked to it), 空き, or 休館 with why.
    static func roomTable(_ rooms: [DaySheet.Room], words: Words, center: CenterConfiguration, roadmap: RoadmapSchedule) -> Node {
        PageKit.table(words("部屋と区分ごとの予約", "Bookings by room and division"), className: "data sheet",
                      headers: [words("部屋", "Room")] + center.divisions.map { words.division($0) + " " + $0.start + "〜" + $0.end },
                      rows: rooms.map { room in
                          let holders = Dictionary(room.bookings.map { ($0.booking, $0.holder) }, uniquingKeysWith: { first, _ in first })
                          return [.text(name(room, words: words, center: center))] + center.divisions.map { division in
                              guard let slot = room.divisions.first(where: { $0.division == division.id }) else { return .text("—") }
                              if !room.open {
                                  return .text(words("休館", "Closed") + "（" + room.closures.map { ClosuresPage.text(of: $0, roadmap: roadmap, words: words) }
                                      .joined(separator: "／") + "）")
                              }
                              guard let id = slot.booking else { return .text(words("空き", "Free")) }
                              return el(.a, .href(SafeURL("/desk/bookings/\(id)"))) {
                                  holders[id].map { $0.name.ifEmpty(String($0.registration)) } ?? words("予約\(id)", "Booking \(id)")
                              }
                          }
                      })
    }

    /// The rooms let by the hour: each one's booked hours with their holder, or that none is booked.
    static func hourlyRooms(_ rooms: [DaySheet.Room], words: Words, center: CenterConfiguration, roadmap: RoadmapSchedule) -> Node {
        el(.ul, .class("hourly-rooms")) {
            for room in rooms {
                el(.li) {
                    el(.strong) { name(room, words: words, center: center) + words("（1時間単位）", " (by the hour)") }
                    " "
                    if !room.open {
                        words("休館", "Closed")
                    } else if room.bookings.isEmpty {
                        words("予約なし", "Nothing booked")
                    } else {
                        for line in room.bookings {
                            el(.a, .href(SafeURL("/desk/bookings/\(line.booking)")), .class("hours")) {
                                units(line.divisions, words: words, center: center) + " " + line.holder.name
                            }
                        }
                    }
                }
            }
        }
    }

    static func name(_ room: DaySheet.Room, words: Words, center: CenterConfiguration) -> String {
        words(room.nameJa, center.facility(room.facility).map(words.facility) ?? room.nameJa)
    }

    /// Who holds it: the name linked to the registration, and the contact to call.
    static func holder(_ holder: Holder) -> Node {
        .fragment([
            el(.a, .href(SafeURL("/desk/registrations/\(holder.registration)"))) { holder.name.ifEmpty(String(holder.registration)) },
            holder.contact.isEmpty ? .empty : el(.span, .class("contact")) { holder.contact },
        ])
    }

    /// The divisions or hours of a booking: `午前 9:00〜12:00、午後 …`, `13:00〜15:00`.
    static func units(_ units: [DivisionID], words: Words, center: CenterConfiguration) -> String {
        if units.allSatisfy({ id in center.divisions.contains { $0.id == id } }) {
            return units.map { words.period($0.rawValue, in: center) }.joined(separator: "、")
        }
        let hours = center.bookedDivisions(units)
        return (hours.first?.start ?? "") + "〜" + (hours.last?.end ?? "")
    }

    /// The counter's buttons for one booking of the day: take a payment
    /// while something is due, check in a paid booking on a day of use, mark
    /// a no-show once its first division has started.
    static func actions(_ line: DaySheet.BookingLine, date: LocalDate, now: Instant, back: String, signedIn: SignedIn, words: Words,
                        today: LocalDate) -> Node {
        let live = line.state == .provisional || line.state == .paid
        return el(.div, .class("actions")) {
            if live && line.amountDue > 0 {
                el(.a, .href(SafeURL("/desk/bookings/\(line.booking)#payment")), .class("button-link secondary")) { words("入金", "Payment") }
            }
            if line.state == .paid && date == today {
                PageKit.button(words("チェックイン", "Check in"), action: "/desk/bookings/\(line.booking)/check-in",
                               fields: [("back", back)], token: signedIn.formToken)
            }
            if live, date == today, let from = line.noShowFrom, now >= from {
                PageKit.button(words("無断キャンセル", "No-show"), action: "/desk/bookings/\(line.booking)/no-show",
                               fields: [("back", back)], token: signedIn.formToken, style: "danger")
            }
        }
    }

    /// `POST /desk/bookings/{id}/check-in|no-show`, `/desk/passes/{id}/check-in`:
    /// done, back to the page it came from with a notice; refused, the
    /// refusal's page with the way back.
    static func act(_ context: PageContext, _ what: Action) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            let actor = signedIn.actor
            let service = context.site.service
            var refusal: (any AnyRefusal)?
            switch what {
            case .checkIn:
                do { _ = try await service.bookings.checkIn(booking: id, by: actor) }
                catch .refused(let r) { refusal = r } catch .failed(let f) { throw f }
            case .noShow:
                do { _ = try await service.bookings.markNoShow(booking: id, by: actor) }
                catch .refused(let r) { refusal = r } catch .failed(let f) { throw f }
            case .passCheckIn:
                do { _ = try await service.desks.checkIn(pass: id, by: actor) }
                catch .refused(let r) { refusal = r } catch .failed(let f) { throw f }
            }
            let back = form["back"].flatMap { $0.hasPrefix("/desk/") ? $0 : nil } ?? "/desk/today"
            if let refusal { return PageRoutes.refusalPage(refusal, context: context, back: back) }
            return PageResponse.redirect(to: SafeURL.path(back.split(separator: "?").first.map(String.init) ?? back,
                                                          query: query(of: back) + [("done", what.done)]), context: context)
        }
    }

    /// What a button of the sheet does.
    enum Action {
        case checkIn, noShow, passCheckIn

        /// The notice the page shows after it (`PageKit.done`).
        var done: String { self == .noShow ? "no-show" : "checked-in" }
    }

    static func query(of target: String) -> [(String, String)] {
        guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
        return q.split(separator: "&").compactMap { pair in
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return kv.count == 2 && kv[0] != "done" ? (kv[0], kv[1].removingPercentEncoding ?? kv[1]) : nil
        }
    }
}
