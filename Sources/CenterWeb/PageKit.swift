import CalendarValues
import CenterDomain
import CenterService
import HTML
import Roadmap

extension Words {
    /// The text in the reader's language, both spelled where they are used:
    /// `words("予約する", "Book")`.
    func callAsFunction(_ ja: String, _ en: String) -> String { language == .ja ? ja : en }

    /// `¥2,000`.
    func yen(_ amount: Int) -> String { Yen.label(amount) }

    func facility(_ facility: Facility) -> String { self(facility.nameJa, facility.nameEn) }

    func division(_ division: Division) -> String { self(division.nameJa, division.nameEn) }

    /// A division or desk period by id, with its times: `午前 9:00〜12:00`.
    func period(_ id: String, in center: CenterConfiguration?) -> String {
        if id == "day" { return self("1日", "Whole day") }
        guard let found = center?.divisions.first(where: { $0.id.rawValue == id }) else {
            return ["am": self("午前", "Morning"), "pm": self("午後", "Afternoon"), "night": self("夜間", "Night")][id] ?? id
        }
        return division(found) + " " + found.start + "〜" + found.end
    }

    /// A desk by its number: `デスク 01`.
    func desk(_ id: FacilityID) -> String {
        let number = id.rawValue.hasPrefix("desk-") ? String(id.rawValue.dropFirst(5)) : id.rawValue
        return self("デスク ", "Desk ") + number
    }

    /// A booking's state: in Japanese as the API and the day sheet say it (`BookingState.japaneseName`).
    func state(_ state: BookingState) -> String {
        guard language == .en else { return state.japaneseName }
        switch state {
        case .provisional: return "Provisional (unpaid)"
        case .paid: return "Paid"
        case .checkedIn: return "In use"
        case .done: return "Used"
        case .lapsed: return "Lapsed"
        case .cancelledByUser: return "Cancelled by the user"
        case .cancelledByCenter: return "Cancelled by the center"
        case .noShow: return "No-show"
        }
    }

    /// A desk pass's state: in Japanese as the day sheet says it (`DeskPassState.japaneseName`).
    func state(_ state: DeskPassState) -> String {
        guard language == .en else { return state.japaneseName }
        switch state {
        case .booked: return "Booked"
        case .checkedIn: return "Checked in"
        case .cancelled: return "Cancelled"
        case .noShow: return "No-show (released)"
        }
    }

    /// A month: `令和9年1月` / `January 2027`.
    func month(_ month: YearMonth) -> String {
        guard language == .en else {
            let label = month.firstDay.japaneseEraLabel
            return String(label.prefix { $0 != "月" }) + "月"
        }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December"]
        return names[max(0, min(11, month.month - 1))] + " \(month.year)"
    }

    /// A date in a grid's row: `1/15(金)`.
    func shortDate(_ date: LocalDate) -> String {
        language == .ja ? "\(date.month)/\(date.day)(\(date.weekday.japanese))"
            : String(date.weekday.english.prefix(3)) + " \(date.day)/\(date.month)"
    }
}

/// Pieces the pages share: tables, buttons that post, notices.
enum PageKit {
    /// A form of one button that posts `fields` to `action` with the session's token.
    static func button(_ label: String, action: String, fields: [(String, String)] = [], token: String,
                       style: String = "secondary") -> Node {
        el(.form, .method("post"), .action(SafeURL(action)), .class("inline")) {
            Forms.token(token)
            for (name, value) in fields { el(.input, .type("hidden"), .name(name), .value(value)) }
            el(.button, .type("submit"), .class(style)) { label }
        }
    }

    /// A notice of something done (`status`) or refused (`alert`).
    static func notice(_ text: String, alert: Bool = false) -> Node {
        el(.div, .class(alert ? "notice alert" : "notice"), Attribute(.role, alert ? "alert" : "status")) { el(.p) { text } }
    }

    /// The notice of what the last form did, by the `done` key it
    /// redirected with (never text from the address, which anyone can write).
    static func done(_ context: PageContext) -> String? {
        let words = context.words
        return switch context.request.queryValue("done") {
        case "paid": words("入金を記録しました。領収書は入金の記録の表から発行できます。", "The payment is recorded; issue its receipt from the payments table.")
        case "no-show": words("無断キャンセルを記録しました。この日以降の枠は空きに戻りました。", "Recorded as a no-show; its slots from today are free again.")
        case "refund-paid": words("還付金の支払を記録しました。", "The refund payout is recorded.")
        case "checked-in": words("チェックインしました。", "Checked in.")
        case "booked": words("予約しました。", "Booked.")
        case "cancelled": words("予約を取り消しました。", "The booking is cancelled.")
        case "renewed": words("利用登録を更新しました。", "The registration is renewed.")
        case "pass-booked": words("フリーデスクを予約しました。", "The desk is booked.")
        case "pass-cancelled": words("フリーデスクの予約を取り消しました。", "The desk pass is cancelled.")
        case "calendar-stopped": words("カレンダー配信を止めました。前のURLは使えません。", "The calendar address no longer works.")
        case "lottery-entered": words("抽選に申し込みました。結果は抽選の後にこのページに出ます。", "Entered; the result shows here after the draw.")
        case "lottery-withdrawn": words("抽選の申込みを取り下げました。", "The entry is withdrawn.")
        case "waiting-joined": words("キャンセル待ちに申し込みました。", "You are on the waiting list.")
        case "waiting-withdrawn": words("キャンセル待ちをやめました。", "You left the waiting list.")
        case "offer-accepted": words("キャンセル待ちの枠を予約しました（仮予約）。期限までにお支払いください。", "Booked from the waiting list (provisional): pay by its deadline.")
        case "offer-declined": words("案内を辞退しました。次の方にご案内します。", "Declined; the next in line is offered it.")
        case "closure-declared": words("臨時休館を登録しました。連絡する方は下の一覧にあります。", "The closure is declared; whom to call is listed below.")
        case "closure-lifted": words("臨時休館を解除しました。取り消した予約はそのままです。", "The closure is lifted; what it cancelled stays cancelled.")
        default: nil
        }
    }

    /// Rows of label and value.
    static func facts(_ rows: [(String, String)]) -> Node {
        el(.dl, .class("facts")) {
            for (label, value) in rows {
                el(.dt) { label }
                el(.dd) { value }
            }
        }
    }

    /// A table with a caption, header cells and rows of cells.
    static func table(_ caption: String, className: String = "data", headers: [String], rows: [[Node]]) -> Node {
        el(.div, .class("table-wrap")) {
            el(.table, .class(className)) {
                el(.caption) { caption }
                el(.thead) { el(.tr) { for header in headers { el(.th, .scope("col")) { header } } } }
                el(.tbody) {
                    for row in rows {
                        el(.tr) {
                            for (index, cell) in row.enumerated() {
                                if index == 0 { el(.th, .scope("row")) { cell } } else { el(.td) { cell } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A `select` field with its label, hint and error, as `Forms.field` lays one out.
    static func select(id: String, label: String, options: [(value: String, label: String)], selected: String,
                       hint: String? = nil, error: String? = nil, words: Words) -> Node {
        var described: [String] = []
        if hint != nil { described.append(id + "-hint") }
        if error != nil { described.append(id + "-error") }
        var attributes: [Attribute] = [.id(id), .name(id)]
        if !described.isEmpty { attributes.append(.aria("describedby", described.joined(separator: " "))) }
        if error != nil { attributes.append(.aria("invalid", "true")) }
        return el(.div, .class(error == nil ? "field" : "field invalid")) {
            el(.label, .for(id)) { label }
            if let hint { el(.p, .class("hint"), .id(id + "-hint")) { hint } }
            el(.select, attributes: attributes) {
                for option in options {
                    el(.option, attributes: option.value == selected ? [.value(option.value), .selected] : [.value(option.value)]) {
                        option.label
                    }
                }
            }
            if let error { el(.p, .class("error"), .id(id + "-error")) { error } }
        }
    }

    /// An optional text field (no 必須 mark), laid out as `Forms.field`.
    static func optional(_ field: Forms.Field, words: Words) -> Node { Forms.field(field, words: words, required: false) }
}
