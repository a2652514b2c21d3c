import CalendarValues
import CenterAPI
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// 定期利用 (staff): one request books the same room and divisions (or
/// hours) on a weekly or monthly pattern up to the category's window
/// (`POST /series`), each date through every rule; the answer is per date,
/// booked or refused with the API's own words, so staff see what to
/// rearrange; the series page books the dates whose window opened since
/// and cancels the rest.
enum SeriesPages {
    /// What the series form carries.
    struct Values {
        var registration = ""
        var facility = "large-meeting-room"
        var divisions: [String] = []
        var hoursFrom = ""
        var hoursTo = ""
        var pattern = "weekly"
        var weekdays: [String] = []
        var week = "1"
        var weekday = "monday"
        var day = "1"
        var from = ""
        var through = ""
        var purpose = ""
        var attendees = "10"
        var errors: [String: String] = [:]
    }

    static let weekdays: [(Weekday, String, String)] = [
        (.monday, "月曜日", "Monday"), (.tuesday, "火曜日", "Tuesday"), (.wednesday, "水曜日", "Wednesday"),
        (.thursday, "木曜日", "Thursday"), (.friday, "金曜日", "Friday"), (.saturday, "土曜日", "Saturday"), (.sunday, "日曜日", "Sunday"),
    ]

    /// `GET /desk/series/new?registration=`.
    static func newForm(_ context: PageContext, values given: Values? = nil, refusal: (any AnyRefusal)? = nil,
                        status: HTTPStatus = .ok) -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let words = context.words
            let center = context.site.service.settings.center
            let values = given ?? Values(registration: context.request.queryValue("registration") ?? "",
                                         facility: context.request.queryValue("facility") ?? "large-meeting-room")
            let title = words("定期利用の予約", "Book a series")
            let order = ["registration", "facility", "divisions", "hours_from", "pattern", "from", "through", "purpose", "attendees"]
            let document = Layout.page(title, context: context, switchPath: "/desk/series/new") {
                el(.h1) { title }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(order.compactMap { key in values.errors[key].map { (key, $0) } }, words: words)
                el(.p) {
                    words("毎週・毎月の同じ曜日や日に、同じ部屋と区分をまとめて予約します。日付ごとにすべての規則を確かめ、予約できなかった日は理由を表示します。受付期間の先の日は、受付が始まってから「続きを予約する」で予約します。",
                          "Books the same room and divisions on a weekly or monthly pattern. Each date is checked by every rule; a refused date says why. Dates beyond the booking window are booked later with “Book the next dates”.")
                }
                el(.form, .method("post"), .action("/desk/series"), Attribute(.novalidate), .class("stack")) {
                    Forms.token(signedIn.formToken)
                    Forms.field(Forms.Field(id: "registration", label: words("利用登録番号", "Registration no."), value: values.registration,
                                            autocomplete: "off", error: values.errors["registration"], inputmode: "numeric"), words: words)
                    PageKit.select(id: "facility", label: words("部屋", "Room"),
                                   options: DeskBookingPages.rooms(center).map { ($0.id.rawValue, words.facility($0) + ($0.unit == .hour ? words("（1時間単位）", " (by the hour)") : "")) },
                                   selected: values.facility, error: values.errors["facility"], words: words)
                    LotteryPages.divisionBoxes(chosen: values.divisions, center: center, error: values.errors["divisions"], words: words)
                    el(.fieldset, .class("hours")) {
                        el(.legend) { words("1時間単位の部屋は時間（区分の代わり）", "For a room let by the hour: the hours instead") }
                        PageKit.optional(Forms.Field(id: "hours_from", label: words("開始", "From"), type: "time", value: values.hoursFrom,
                                                     autocomplete: "off", hint: words("例：13:00", "e.g. 13:00"), error: values.errors["hours_from"]),
                                         words: words)
                        PageKit.optional(Forms.Field(id: "hours_to", label: words("終了", "To"), type: "time", value: values.hoursTo,
                                                     autocomplete: "off", hint: words("例：15:00", "e.g. 15:00")), words: words)
                    }
                    el(.fieldset, .id("pattern")) {
                        el(.legend) { words("くり返し", "Pattern") }
                        radio("pattern", "weekly", words("毎週（曜日を選ぶ）", "Weekly, on the weekdays below"), chosen: values.pattern)
                        el(.div, .class("choices")) {
                            for (day, ja, en) in weekdays {
                                el(.div, .class("check")) {
                                    el(.input, attributes: [.type("checkbox"), .id("weekday-\(day.english)"), .name("weekday"),
                                                            .value(day.english)] + (values.weekdays.contains(day.english) ? [.checked] : []))
                                    el(.label, .for("weekday-\(day.english)")) { words(ja, en) }
                                }
                            }
                        }
                        radio("pattern", "monthly_nth_weekday", words("毎月 第n○曜日", "Monthly, the nth weekday"), chosen: values.pattern)
                        el(.div, .class("row")) {
                            PageKit.select(id: "week", label: words("第", "Week"),
                                           options: [("1", words("第1", "1st")), ("2", words("第2", "2nd")), ("3", words("第3", "3rd")),
                                                     ("4", words("第4", "4th")), ("-1", words("最終", "Last"))],
                                           selected: values.week, words: words)
                            PageKit.select(id: "nth_weekday", label: words("曜日", "Weekday"),
                                           options: weekdays.map { ($0.0.english, words($0.1, $0.2)) }, selected: values.weekday, words: words)
                        }
                        radio("pattern", "monthly_day", words("毎月 ○日", "Monthly, on a day of the month"), chosen: values.pattern)
                        Forms.field(Forms.Field(id: "day", label: words("日", "Day"), value: values.day, autocomplete: "off",
                                                inputmode: "numeric"), words: words, required: false)
                    }
                    Forms.field(Forms.Field(id: "from", label: words("最初の日", "From"), type: "date", value: values.from, autocomplete: "off",
                                            hint: words("例：2026-12-01", "e.g. 2026-12-01"), error: values.errors["from"]), words: words)
                    Forms.field(Forms.Field(id: "through", label: words("最後の日", "Through"), type: "date", value: values.through,
                                            autocomplete: "off", hint: words("例：2027-03-31", "e.g. 2027-03-31"), error: values.errors["through"]),
                                words: words)
                    Forms.field(Forms.Field(id: "purpose", label: words("利用目的", "Purpose"), value: values.purpose, autocomplete: "off",
                                            error: values.errors["purpose"]), words: words)
                    Forms.field(Forms.Field(id: "attendees", label: words("利用人数", "Attendees"), value: values.attendees,
                                            autocomplete: "off", error: values.errors["attendees"], inputmode: "numeric"), words: words)
                    el(.button, .type("submit"), .class("primary")) { words("まとめて予約する", "Book the series") }
                }
            }
            return PageResponse.html(document, status: status, context: context)
        }
    }

    static func radio(_ name: String, _ value: String, _ label: String, chosen: String) -> Node {
        el(.div, .class("check")) {
            el(.input, attributes: [.type("radio"), .id("\(name)-\(value)"), .name(name), .value(value)] + (chosen == value ? [.checked] : []))
            el(.label, .for("\(name)-\(value)")) { label }
        }
    }

    /// `POST /desk/series`: books it, then the per-date answer.
    static func create(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let words = context.words
            var values = Values(registration: form["registration"] ?? "", facility: form["facility"] ?? "",
                                divisions: form.all("division"), hoursFrom: form["hours_from"] ?? "", hoursTo: form["hours_to"] ?? "",
                                pattern: form["pattern"] ?? "", weekdays: form.all("weekday"), week: form["week"] ?? "",
                                weekday: form["nth_weekday"] ?? "", day: form["day"] ?? "", from: form["from"] ?? "",
                                through: form["through"] ?? "", purpose: form["purpose"] ?? "", attendees: form["attendees"] ?? "")
            let registration = Int64(values.registration.applyingHalfWidthDigits.trimmingCharacters(in: .whitespaces))
            if registration == nil { values.errors["registration"] = words("利用登録番号を半角数字で入力してください。", "Enter the registration number.") }
            let from = LocalDate(values.from), through = LocalDate(values.through)
            if from == nil { values.errors["from"] = words("最初の日を 2026-12-01 の形で入力してください。", "Enter the first date as 2026-12-01.") }
            if through == nil { values.errors["through"] = words("最後の日を 2027-03-31 の形で入力してください。", "Enter the last date as 2027-03-31.") }
            let hours: BookingHours?
            if values.hoursFrom.isEmpty && values.hoursTo.isEmpty {
                hours = nil
                if values.divisions.isEmpty { values.errors["divisions"] = words("区分を1つ以上選んでください（1時間単位の部屋は時間を入力）。", "Choose a division (or the hours for a room let by the hour).") }
            } else if let start = LocalTime(values.hoursFrom), let end = LocalTime(values.hoursTo) {
                hours = BookingHours(from: start, to: end)
            } else {
                hours = nil
                values.errors["hours_from"] = words("時間を 13:00 の形で、開始と終了の両方入力してください。", "Enter both hours as 13:00.")
            }
            let pattern: SeriesPattern?
            switch values.pattern {
            case "weekly":
                let days = values.weekdays.compactMap(Weekday.init(english:))
                pattern = days.isEmpty ? nil : .weekly(weekdays: days)
            case "monthly_nth_weekday":
                pattern = Int(values.week).flatMap { week in Weekday(english: values.weekday).map { .monthlyNthWeekday(week: week, weekday: $0) } }
            case "monthly_day":
                pattern = Int(values.day.applyingHalfWidthDigits).map { .monthlyDay(day: $0) }
            default:
                pattern = nil
            }
            if pattern == nil { values.errors["pattern"] = words("くり返し方を選び、曜日か日を指定してください。", "Choose the pattern with its weekdays or day.") }
            if values.purpose.trimmingCharacters(in: .whitespaces).isEmpty { values.errors["purpose"] = words("利用目的を入力してください。", "Enter the purpose.") }
            let attendees = Int(values.attendees.applyingHalfWidthDigits.trimmingCharacters(in: .whitespaces))
            if attendees == nil || attendees ?? 0 < 1 { values.errors["attendees"] = words("利用人数を1以上の半角数字で入力してください。", "Enter the attendees as a number from 1.") }
            guard let registration, let from, let through, let pattern, let attendees, values.errors.isEmpty else {
                return newForm(context, values: values, status: .unprocessableContent)
            }
            let request = SeriesRequest(facility: FacilityID(values.facility), divisions: hours == nil ? values.divisions.map { DivisionID($0) } : [],
                                        hours: hours, registration: registration, pattern: pattern, from: from, through: through,
                                        purpose: values.purpose, attendees: attendees)
            do {
                guard let outcome = try await context.site.service.bookings.bookSeries(request, by: signedIn.actor).value else {
                    return PageRoutes.notFound(context)
                }
                return PageResponse.html(outcomePage(context, outcome: outcome), status: .created, context: context)
            } catch .refused(let refusal) {
                return newForm(context, values: values, refusal: refusal, status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// What one request booked: each date booked (linked) or refused with why, and the dates after the window.
    static func outcomePage(_ context: PageContext, outcome: SeriesBookingOutcome) -> Document {
        let words = context.words
        let booked = outcome.dates.filter { $0.outcome == "booked" }.count
        let title = words("定期利用 \(outcome.series.id) の結果", "Series \(outcome.series.id): the dates")
        return Layout.page(title, context: context, switchPath: "/desk/series/\(outcome.series.id)") {
            el(.h1) { title }
            PageKit.notice(words("\(outcome.dates.count)日のうち\(booked)日を予約しました。", "\(booked) of \(outcome.dates.count) dates are booked."),
                           alert: booked < outcome.dates.count)
            PageKit.table(words("日付ごとの結果", "Each date"),
                          headers: [words("日付", "Date"), words("結果", "Outcome"), words("理由・予約", "Why, or the booking")],
                          rows: outcome.dates.map { date in
                              [.text(words.date(date.date)),
                               .text(date.outcome == "booked" ? words("予約済み", "Booked") : words("予約できません", "Refused")),
                               date.booking.map { booking in
                                   el(.a, .href(SafeURL("/desk/bookings/\(booking.id)"))) {
                                       words("予約 \(booking.id)（\(words.yen(booking.feeTotal))）", "Booking \(booking.id) (\(words.yen(booking.feeTotal)))")
                                   }
                               } ?? date.error.map { error in
                                   .text(APIResponse.localizedMessage(code: error.code, english: error.message, details: error.details,
                                                                      names: context.site.names).text(in: words.language))
                               } ?? .empty]
                          })
            if !outcome.afterWindow.isEmpty {
                el(.p) {
                    words("受付期間の先の日（\(outcome.afterWindow.count)日：\(outcome.afterWindow.map(words.shortDate).joined(separator: "、"))）は、受付が始まってから定期利用のページで「続きを予約する」を押してください。",
                          "Dates beyond the window (\(outcome.afterWindow.count)) are booked from the series page once their window opens.")
                }
            }
            el(.p) { el(.a, .href(SafeURL("/desk/series/\(outcome.series.id)"))) { words("定期利用のページを開く", "Open the series") } }
        }
    }

    /// `GET /desk/series/{id}`.
    static func detail(_ context: PageContext, refusal: (any AnyRefusal)? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            guard let id = PageRoutes.id(context) else { return PageRoutes.notFound(context) }
            let service = context.site.service
            let series: BookingSeries
            do { series = try await service.bookings.series(id: id, for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let words = context.words
            let center = service.settings.center
            let request = series.request
            let title = words("定期利用 \(id)", "Series \(id)")
            let document = Layout.page(title, context: context, switchPath: "/desk/series/\(id)") {
                el(.h1) { title }
                if let notice = PageKit.done(context) { PageKit.notice(notice) }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                PageKit.facts([
                    (words("利用登録", "Registration"), String(request.registration)),
                    (words("部屋", "Room"), center.facility(request.facility).map(words.facility) ?? request.facility.rawValue),
                    (words("区分・時間", "Divisions or hours"), request.hours.map { "\($0.from)〜\($0.to)" }
                        ?? DeskTodayPage.units(request.divisions, words: words, center: center)),
                    (words("期間", "Dates"), words.date(request.from) + " 〜 " + words.date(request.through)),
                    (words("受付期間の終わり", "Window through"), words.date(series.windowThrough)),
                    (words("状態", "State"), series.cancelledAt == nil ? words("有効", "Live") : words("取消し", "Cancelled")),
                ])
                PageKit.table(words("この定期利用の予約", "Its bookings"),
                              headers: [words("予約番号", "No."), words("利用日", "Date"), words("使用料", "Fee"), words("状態", "State")],
                              rows: series.bookings.map { booking in
                                  [el(.a, .href(SafeURL("/desk/bookings/\(booking.id)"))) { String(booking.id) },
                                   .text(words.date(booking.firstDate)), .text(words.yen(booking.feeTotal)), .text(words.state(booking.state))]
                              })
                if series.cancelledAt == nil {
                    el(.div, .class("actions screen-only")) {
                        PageKit.button(words("続きを予約する", "Book the next dates"), action: "/desk/series/\(id)/continue",
                                       token: signedIn.formToken, style: "primary")
                        PageKit.button(words("定期利用を取り消す（使用前の予約すべて）", "Cancel the series (every booking not yet used)"),
                                       action: "/desk/series/\(id)/cancel", token: signedIn.formToken, style: "danger")
                    }
                }
            }
            return PageResponse.html(document, status: refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    /// `POST /desk/series/{id}/continue`: the per-date answer of the dates booked now.
    static func continueSeries(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            do {
                guard let outcome = try await context.site.service.bookings.continueSeries(id: id, by: signedIn.actor).value else {
                    return PageRoutes.notFound(context)
                }
                return PageResponse.html(outcomePage(context, outcome: outcome), context: context)
            } catch .refused(let refusal) {
                return try await detail(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /desk/series/{id}/cancel`.
    static func cancel(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            do {
                _ = try await context.site.service.bookings.cancelSeries(id: id, reason: nil, by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL("/desk/series/\(id)?done=cancelled"), context: context)
            } catch .refused(let refusal) {
                return try await detail(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
