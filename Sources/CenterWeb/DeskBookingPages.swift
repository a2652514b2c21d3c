import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// 部屋の予約 (staff): a month of a room's divisions as the availability
/// rule classifies them for the registration's category (空き・予約済み・休館・
/// 地域団体枠・受付前・受付終了), the choice of a date's divisions, the fee
/// quote before staff confirm, and the booking (`DeskBookingPage` shows it).
/// A room with a coupling that needs a guardian (the 保育室, 施行規則 第4条)
/// asks for one, and for the staff approval that lets it be used alone.
enum DeskBookingPages {
    /// What the grid's form carries.
    struct Choice {
        var registration = ""
        var facility = "large-meeting-room"
        var month = ""
        var attendees = "10"
        var purpose = ""
        var slots: [String] = []
        /// 保護者・専任の保育者 (the 保育室 with another room).
        var guardian = ""
        /// The staff member approving the 保育室 alone, and why
        /// (施行規則 第4条1項2号); both empty when there is no approval.
        var approvedBy = ""
        var approvalReason = ""

        /// The fields the confirmation carries to the booking, as the form named them.
        var carried: [(String, String)] {
            [("registration", registration), ("facility", facility), ("month", month), ("attendees", attendees),
             ("purpose", purpose), ("guardian", guardian), ("approved_by", approvedBy), ("approval_reason", approvalReason)]
        }
    }

    static func rooms(_ center: CenterConfiguration) -> [Facility] {
        center.facilities.filter { $0.kind == .room && $0.bookable && !$0.bookingUnits.isEmpty }
    }

    // MARK: The month grid

    static func grid(_ context: PageContext, choice given: Choice? = nil, errors: [String: String] = [:],
                     refusal: (any AnyRefusal)? = nil, status: HTTPStatus? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let center = service.settings.center
            let words = context.words
            let request = context.request
            var choice = given ?? Choice(registration: request.queryValue("registration") ?? "",
                                         facility: request.queryValue("facility") ?? "large-meeting-room",
                                         month: request.queryValue("month") ?? "")
            let month = YearMonth(choice.month) ?? service.today.yearMonth
            choice.month = month.description
            var errors = errors
            var record: RegistrationRecord?
            if !choice.registration.isEmpty {
                if let id = Int64(choice.registration.applyingHalfWidthDigits), id > 0 {
                    record = try? await service.registrations.registration(id: id, for: signedIn.actor)
                }
                if record == nil, errors["registration"] == nil {
                    errors["registration"] = words("この番号の利用登録はありません。", "No registration has this number.")
                }
            }
            let facility = center.facility(FacilityID(choice.facility)) ?? center.facility("large-meeting-room")
            if given == nil, let capacity = facility?.capacity { choice.attendees = String(min(10, capacity)) }
            var days: [AvailabilityDay] = []
            if let record, let facility {
                do {
                    days = try await service.bookings.availability(facility: facility.id, from: month.firstDay, to: month.lastDay,
                                                                   category: record.category, for: signedIn.actor)
                } catch .refused(let r) { errors["facility"] = words.refusal(r) } catch .failed(let f) { throw f }
            }
            let title = words("部屋の予約", "Book a room")
            let order = ["registration", "facility", "slot", "attendees", "purpose", "guardian", "approved_by", "approval_reason"]
                .filter { errors[$0] != nil }
            let document = Layout.page(title, context: context, switchPath: "/desk/book") {
                el(.h1) { title }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(order.map { ($0, errors[$0] ?? "") }, words: words)
                el(.form, .method("get"), .action("/desk/book"), .class("stack row")) {
                    Forms.field(Forms.Field(id: "registration", label: words("利用登録番号", "Registration no."),
                                            value: choice.registration, autocomplete: "off", error: errors["registration"],
                                            inputmode: "numeric"), words: words)
                    PageKit.select(id: "facility", label: words("部屋", "Room"),
                                   options: rooms(center).map { room in
                                       (room.id.rawValue, words.facility(room) + (room.floor.map { words("（\($0)階）", " (floor \($0))") } ?? "")
                                        + (room.unit == .hour ? words("・1時間単位", ", by the hour") : ""))
                                   },
                                   selected: facility?.id.rawValue ?? "", error: errors["facility"], words: words)
                    Forms.field(Forms.Field(id: "month", label: words("月", "Month"), type: "month", value: month.description,
                                            autocomplete: "off", hint: words("例：2027-01", "e.g. 2027-01")), words: words)
                    el(.button, .type("submit"), .class("secondary")) { words("空き状況を見る", "Show availability") }
                }
                if let record, let facility, !days.isEmpty {
                    el(.p) {
                        words("\(record.name)（\(words.category(record.category.rawValue))）の予約として、\(words.facility(facility))の\(words.month(month))を表示しています。",
                              "Showing \(words.facility(facility)) in \(words.month(month)) for \(record.name) (\(words.category(record.category.rawValue))).")
                    }
                    el(.p, .class("month-nav")) {
                        el(.a, .href(SafeURL.path("/desk/book", query: [("registration", String(record.id)), ("facility", facility.id.rawValue),
                                                                         ("month", month.adding(months: -1).description)]))) { words("← 前の月", "← Previous month") }
                        el(.a, .href(SafeURL.path("/desk/book", query: [("registration", String(record.id)), ("facility", facility.id.rawValue),
                                                                         ("month", month.adding(months: 1).description)]))) { words("次の月 →", "Next month →") }
                    }
                    legend(words)
                    if facility.unit == .hour {
                        el(.p, .class("hint")) {
                            words("1時間ごとの表の記号：済＝予約済み、休＝休館、前＝受付前、—＝受付終了。続いた時間を選んでください。",
                                  "In the hours: × taken, — closed or over, … not open yet. Choose one run of hours.")
                        }
                    }
                    el(.form, .method("post"), .action("/desk/book/check"), Attribute(.novalidate), .class("stack grid")) {
                        Forms.token(signedIn.formToken)
                        el(.input, .type("hidden"), .name("registration"), .value(String(record.id)))
                        el(.input, .type("hidden"), .name("facility"), .value(facility.id.rawValue))
                        el(.input, .type("hidden"), .name("month"), .value(month.description))
                        monthTable(days, facility: facility, center: center, chosen: choice.slots, error: errors["slot"],
                                   registration: record.id, words: words)
                        Forms.field(Forms.Field(id: "attendees", label: words("利用人数", "Attendees"), value: choice.attendees,
                                                autocomplete: "off",
                                                hint: words("定員 \(facility.capacity)人まで", "Up to \(facility.capacity)"),
                                                error: errors["attendees"], inputmode: "numeric"), words: words)
                        Forms.field(Forms.Field(id: "purpose", label: words("利用目的", "Purpose"), value: choice.purpose,
                                                autocomplete: "off", error: errors["purpose"]), words: words)
                        companionFields(center.couplings(for: facility.id), choice: choice, errors: errors, words: words)
                        el(.button, .type("submit"), .class("primary")) { words("料金を確認する", "Check the fee") }
                    }
                }
            }
            let answer = status ?? (errors.isEmpty ? .ok : .unprocessableContent)
            return PageResponse.html(document, status: answer, context: context)
        }
    }

    /// The guardian, and the approval of the room alone, for a room whose
    /// coupling asks for them (the 保育室); nothing for any other room.
    static func companionFields(_ couplings: [RoomCoupling], choice: Choice, errors: [String: String], words: Words) -> Node {
        .fragment([
            couplings.contains(where: \.guardianRequired)
                ? Forms.field(Forms.Field(id: "guardian", label: words("保護者・専任の保育者の氏名", "Guardian or childcare worker"),
                                          value: choice.guardian, autocomplete: "off",
                                          hint: words("ほかの部屋と一緒に使うときに必要です。", "Needed when it is used with another room."),
                                          error: errors["guardian"]), words: words, required: false)
                : .fragment([]),
            couplings.contains(where: \.staffApprovalLifts)
                ? el(.fieldset, .class("stack")) {
                    el(.legend) { words("この部屋だけを使う場合の承認", "Approval to use this room alone") }
                    el(.p, .class("hint")) {
                        words("ほかの部屋を予約せずに使うのは、センターの目的に資すると職員が認めたときだけです（施行規則 第4条第1項第2号）。承認した職員と理由を記入してください。",
                              "It is used without another room only when staff find that the use serves the center's purpose. Name who approved it and why.")
                    }
                    Forms.field(Forms.Field(id: "approved_by", label: words("承認した職員", "Approved by"), value: choice.approvedBy,
                                            autocomplete: "off", error: errors["approved_by"]), words: words, required: false)
                    Forms.field(Forms.Field(id: "approval_reason", label: words("承認の理由", "Reason"), value: choice.approvalReason,
                                            autocomplete: "off", error: errors["approval_reason"]), words: words, required: false)
                }
                : .fragment([]),
        ])
    }

    static func legend(_ words: Words) -> Node {
        el(.ul, .class("legend")) {
            el(.li) { el(.span, .class("slot free")) { words("空き", "Free") }; words("予約できます", "can be booked") }
            el(.li) { el(.span, .class("slot booked")) { words("予約済み", "Taken") }; words("ほかの予約があります", "another booking holds it") }
            el(.li) { el(.span, .class("slot closed")) { words("休館", "Closed") }; words("休館日・工事", "closed day or works") }
            el(.li) { el(.span, .class("slot held")) { words("地域団体枠", "Held") }; words("地域団体のための枠（解放日まで）", "held for community groups until released") }
            el(.li) { el(.span, .class("slot not_open")) { words("受付前", "Not yet open") }; words("この区分の受付開始前", "not yet open for this category") }
        }
    }

    /// Rows of dates, a column per division: a free division is a box to
    /// tick; any other says what it is.
    static func monthTable(_ days: [AvailabilityDay], facility: Facility, center: CenterConfiguration, chosen: [String],
                           error: String?, registration: Int64, words: Words) -> Node {
        let units = center.bookedDivisions(facility.bookingUnits).map { (id: $0.id, slot: $0) }
        return el(.div, .class(error == nil ? "table-wrap" : "table-wrap invalid"), .id("slot")) {
            if let error { el(.p, .class("error"), .id("slot-error")) { error } }
            el(.table, .class(facility.unit == .hour ? "data month hourly" : "data month")) {
                el(.caption) {
                    facility.unit == .hour
                        ? words("日付と時間を選んでください（1回の予約は1日分の続いた時間です）", "Choose a date's hours, one run of them per booking")
                        : words("日付と区分を選んでください（1回の予約は1日分です）", "Choose a date's divisions (one date per booking)")
                }
                el(.thead) {
                    el(.tr) {
                        el(.th, .scope("col")) { words("日付", "Date") }
                        for unit in units {
                            el(.th, .scope("col")) {
                                facility.unit == .hour ? unit.slot.start : words.period(unit.id.rawValue, in: center)
                            }
                        }
                    }
                }
                el(.tbody) {
                    for day in days {
                        el(.tr, .class(day.date.weekday == .sunday || day.date.weekday == .saturday ? "weekend" : "weekday")) {
                            el(.th, .scope("row")) { words.shortDate(day.date) }
                            for slot in day.divisions {
                                el(.td, .class("slot " + slot.status.rawValue)) {
                                    cell(slot, date: day.date, chosen: chosen, facility: facility, registration: registration, center: center,
                                         words: words)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func cell(_ slot: AvailabilitySlot, date: LocalDate, chosen: [String], facility: Facility, registration: Int64,
                     center: CenterConfiguration, words: Words) -> Node {
        let value = "\(date)|\(slot.division.rawValue)"
        switch slot.status {
        case .free:
            let id = "slot-\(date)-\(slot.division.rawValue)"
            var attributes: [Attribute] = [.type("checkbox"), .name("slot"), .value(value), .id(id)]
            if chosen.contains(value) { attributes.append(.checked) }
            let when = words.shortDate(date) + " " + (facility.unit == .hour
                ? DeskTodayPage.units([slot.division], words: words, center: center) : words.period(slot.division.rawValue, in: center))
            return el(.label, .for(id), .class("pick")) {
                el(.input, attributes: attributes)
                el(.span, .class("visually-hidden")) { when + " " }
                if facility.unit == .hour {
                    el(.span, .class("visually-hidden")) { words("空き", "Free") }
                } else {
                    words("空き", "Free")
                }
            }
        case let status where facility.unit == .hour:
            // An hour's cell is narrow: the status in a letter, its name on hover and for screen readers.
            let (short, full) = switch status {
            case .booked: (words("済", "×"), words("予約済み", "Taken"))
            case .closed: (words("休", "—"), words("休館", "Closed"))
            case .notOpen: (words("前", "…"), words("受付前", "Not open"))
            case .held: (words("枠", "H"), words("地域団体枠", "Held"))
            case .waitingList: (words("待", "W"), words("キャンセル待ちの方に案内中", "Offered to the waiting list"))
            case .free, .windowClosed: (words("—", "—"), words("受付終了", "Closed for booking"))
            }
            return el(.abbr, .title(full)) { short }
        case .booked:
            return .fragment([
                .text(words("予約済み", "Taken")),
                el(.a, .href(SafeURL.path("/desk/waiting", query: [("registration", String(registration)), ("facility", facility.id.rawValue),
                                                                   ("date", date.description), ("division", slot.division.rawValue)])),
                   .class("wait"), .aria("label", words("\(words.shortDate(date))のキャンセル待ち", "Wait for \(words.shortDate(date))"))) {
                    words("キャンセル待ち", "Wait")
                },
            ])
        case .closed: return .text(words("休館", "Closed"))
        case .held:
            return .text(words("地域団体枠", "Held") + (slot.releaseDate.map { words("（\($0.month)/\($0.day)解放）", " (free from \($0.day)/\($0.month))") } ?? ""))
        case .notOpen:
            return .text(words("受付前", "Not open") + (slot.opens.map { words("（\($0.month)/\($0.day)から）", " (from \($0.day)/\($0.month))") } ?? ""))
        case .windowClosed: return .text(words("受付終了", "Closed for booking"))
        case .waitingList: return .text(words("キャンセル待ちの方に案内中", "Offered to the waiting list"))
        }
    }

    // MARK: Check, then confirm

    /// The request a form names, or the errors next to its fields.
    static func request(_ form: FormBody, words: Words) -> (Choice, BookingRequest?, [String: String]) {
        let choice = Choice(registration: form["registration"] ?? "", facility: form["facility"] ?? "", month: form["month"] ?? "",
                            attendees: form["attendees"] ?? "", purpose: form["purpose"] ?? "", slots: form.all("slot"),
                            guardian: form["guardian"] ?? "", approvedBy: form["approved_by"] ?? "",
                            approvalReason: form["approval_reason"] ?? "")
        var errors: [String: String] = [:]
        let picked = choice.slots.compactMap { text -> (LocalDate, DivisionID)? in
            let parts = text.split(separator: "|").map(String.init)
            guard parts.count == 2, let date = LocalDate(parts[0]) else { return nil }
            return (date, DivisionID(parts[1]))
        }
        if picked.isEmpty { errors["slot"] = words("空いている区分（時間）を選んでください。", "Choose a free division (or hours).") }
        else if Set(picked.map(\.0)).count > 1 { errors["slot"] = words("1回の予約で選べるのは1日分です。日付ごとに予約してください。", "One booking is for one date: book each date on its own.") }
        let attendees = Int(choice.attendees.applyingHalfWidthDigits.trimmingCharacters(in: .whitespaces))
        if attendees == nil || attendees ?? 0 < 1 { errors["attendees"] = words("利用人数を1以上の半角数字で入力してください。", "Enter the attendees as a number from 1.") }
        if choice.purpose.trimmingCharacters(in: .whitespaces).isEmpty { errors["purpose"] = words("利用目的を入力してください。", "Enter the purpose.") }
        let approvedBy = choice.approvedBy.trimmingCharacters(in: .whitespaces)
        let approvalReason = choice.approvalReason.trimmingCharacters(in: .whitespaces)
        if approvedBy.isEmpty != approvalReason.isEmpty {
            if approvedBy.isEmpty { errors["approved_by"] = words("承認した職員を入力してください。", "Name who approved it.") }
            else { errors["approval_reason"] = words("承認の理由を入力してください。", "Give the reason for the approval.") }
        }
        guard errors.isEmpty, let registration = Int64(choice.registration), let attendees, let date = picked.first?.0 else {
            return (choice, nil, errors)
        }
        let units = picked.map(\.1)
        let guardian = choice.guardian.trimmingCharacters(in: .whitespaces)
        let approval = approvedBy.isEmpty ? nil : CouplingApprovalInput(approvedBy: approvedBy, reason: approvalReason)
        let hours = units.compactMap(HourRange.hour(of:)).sorted()
        guard hours.isEmpty else {
            guard hours.count == units.count, zip(hours, hours.dropFirst()).allSatisfy({ $0 + 1 == $1 }),
                  let first = hours.first, let last = hours.last,
                  let from = LocalTime(hour: first, minute: 0), let to = LocalTime(hour: last + 1, minute: 0) else {
                return (choice, nil, ["slot": words("続いた時間を選んでください。", "Choose one run of hours.")])
            }
            return (choice, BookingRequest(facility: FacilityID(choice.facility), date: date, divisions: [], registration: registration,
                                           purpose: choice.purpose, attendees: attendees, guardian: guardian.isEmpty ? nil : guardian,
                                           hours: BookingHours(from: from, to: to), couplingApproval: approval), [:])
        }
        let request = BookingRequest(facility: FacilityID(choice.facility), date: date, divisions: units,
                                     registration: registration, purpose: choice.purpose, attendees: attendees,
                                     guardian: guardian.isEmpty ? nil : guardian, couplingApproval: approval)
        return (choice, request, [:])
    }

    /// `POST /desk/book/check`: the fee quote (`POST /fees/quote`), then
    /// the page to confirm the booking.
    static func check(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let words = context.words
            let (choice, request, errors) = request(form, words: words)
            guard let request else { return try await grid(context, choice: choice, errors: errors) }
            let service = context.site.service
            do {
                let quote = try await service.bookings.quote(
                    FeeQuoteRequest(facility: request.facility, date: request.date, divisions: request.divisions, hours: request.hours,
                                    registration: request.registration), by: signedIn.actor)
                let record = try? await service.registrations.registration(id: request.registration, for: signedIn.actor)
                return PageResponse.html(confirmation(context, signedIn: signedIn, choice: choice, quote: quote,
                                                      name: record?.name ?? ""), context: context)
            } catch .refused(let refusal) {
                return try await grid(context, choice: choice, refusal: refusal, status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    static func confirmation(_ context: PageContext, signedIn: SignedIn, choice: Choice, quote: FeeQuote, name: String) -> Document {
        let words = context.words
        let center = context.site.service.settings.center
        let title = words("予約内容と使用料の確認", "Check the booking and its fee")
        return Layout.page(title, context: context, switchPath: "/desk/book") {
            el(.h1) { title }
            el(.p) { words("まだ予約されていません。内容を確かめて「予約を確定する」を押してください。", "Nothing is booked yet. Check and press “Confirm the booking”.") }
            PageKit.facts([
                (words("利用者", "User"), name.isEmpty ? choice.registration : "\(name)（\(words("登録", "no.")) \(choice.registration)）"),
                (words("部屋", "Room"), center.facility(quote.facility).map(words.facility) ?? quote.facility.rawValue),
                (words("利用日", "Date"), words.date(quote.firstDate) + (quote.lastDate == quote.firstDate ? "" : " 〜 " + words.date(quote.lastDate))),
                (words("区分", "Divisions"), DeskTodayPage.units(quote.divisions, words: words, center: center)),
                (words("利用人数", "Attendees"), choice.attendees),
                (words("利用目的", "Purpose"), choice.purpose),
            ] + (choice.guardian.isEmpty ? [] : [(words("保護者・専任の保育者", "Guardian"), choice.guardian)])
              + (choice.approvedBy.isEmpty ? [] : [(words("この部屋だけの利用の承認", "Approved alone by"),
                                                     "\(choice.approvedBy)（\(choice.approvalReason)）")]) + [
                (words("利用者区分", "Category"), words.category(quote.category.rawValue) + (quote.outOfWard ? words("（区外）", " (outside the ward)") : "")),
                (words("使用料（1日分）", "Fee per day"), words.yen(quote.fee.perDay.total)),
                (words("日数", "Days"), String(quote.fee.days)),
                (words("使用料の合計", "Total fee"), words.yen(quote.feeTotal)),
                (words("お支払いの期限（いま予約した場合）", "Pay by (if booked now)"), words.dateTime(quote.paymentDeadline)),
            ])
            el(.form, .method("post"), .action("/desk/book/confirm"), .class("stack")) {
                Forms.token(signedIn.formToken)
                for (name, value) in choice.carried where !value.isEmpty {
                    el(.input, .type("hidden"), .name(name), .value(value))
                }
                for slot in choice.slots { el(.input, .type("hidden"), .name("slot"), .value(slot)) }
                el(.button, .type("submit"), .class("primary")) { words("予約を確定する", "Confirm the booking") }
            }
            el(.p) {
                el(.a, .href(SafeURL.path("/desk/book", query: [("registration", choice.registration), ("facility", choice.facility),
                                                                 ("month", choice.month)]))) { words("選び直す", "Choose again") }
            }
        }
    }

    /// What a booking is: who, where, when, the fee, its state.
    static func bookingFacts(_ booking: Booking, name: String, center: CenterConfiguration, words: Words) -> Node {
        var rows: [(String, String)] = [(words("予約番号", "Booking no."), String(booking.id))]
        rows += [
            (words("利用者", "User"), name.isEmpty ? String(booking.registration) : "\(name)（\(words("登録", "no.")) \(booking.registration)）"),
            (words("部屋", "Room"), center.facility(booking.facility).map(words.facility) ?? booking.facility.rawValue),
            (words("利用日", "Date"), words.date(booking.firstDate) + (booking.lastDate == booking.firstDate ? "" : " 〜 " + words.date(booking.lastDate))),
            (words("区分", "Divisions"), DeskTodayPage.units(booking.divisions, words: words, center: center)),
            (words("利用人数", "Attendees"), String(booking.attendees)),
            (words("使用料（1日分）", "Fee per day"), words.yen(booking.fee.perDay.total)),
            (words("日数", "Days"), String(booking.fee.days)),
            (words("使用料の合計", "Total fee"), words.yen(booking.feeTotal)),
            (words("お支払いの期限", "Pay by"), words.dateTime(booking.paymentDeadline)),
        ]
        if let guardian = booking.guardian { rows.append((words("保護者・専任の保育者", "Guardian"), guardian)) }
        if let approval = booking.couplingApproval {
            rows.append((words("この部屋だけの利用の承認", "Approved alone by"),
                         "\(approval.approvedBy)（\(approval.reason)、\(words.dateTime(approval.approvedAt))）"))
        }
        rows.append((words("状態", "State"), words.state(booking.state)))
        return PageKit.facts(rows)
    }

    /// `POST /desk/book/confirm`: books, then the booking's page.
    static func confirm(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let (choice, request, errors) = request(form, words: context.words)
            guard let request else { return try await grid(context, choice: choice, errors: errors) }
            do {
                guard let booking = try await context.site.service.bookings.book(request, by: signedIn.actor).value else {
                    return PageRoutes.notFound(context)
                }
                return PageResponse.redirect(to: SafeURL("/desk/bookings/\(booking.id)?done=booked"), context: context)
            } catch .refused(let refusal) {
                return try await grid(context, choice: choice, refusal: refusal, status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
