import CalendarValues
import CenterDomain
import CenterService
import HTML

/// The lobby board (本日の施設利用状況) as one self-contained HTML page for a
/// 1920×1080 screen: the date in Japanese, a grid of rooms × divisions with
/// the flexible desks free per period as its last row, and today's closures
/// with their reasons. No script: the page reloads itself
/// every minute with `<meta http-equiv="refresh">`. Built with the HTML
/// module, so every text is escaped.
enum BoardPage {
    /// `lobbyCode`, the check-in code of the day, only on the lobby screen
    /// (the board asked with its display key).
    static func render(_ day: BoardDay, updatedAt minuteOfDay: Int, lobbyCode: LobbyCode? = nil) -> String {
        let updated = LocalDate.pad(minuteOfDay / 60, 2) + ":" + LocalDate.pad(minuteOfDay % 60, 2)
        let phases = day.divisions.map { phase(of: $0, at: minuteOfDay) }
        return Document(title: "本日の施設利用状況 \(day.labelJa) | 中野区産業振興センター") {
            Node.refresh(every: 60)
            el(.meta, Attribute(.name, "viewport"), Attribute(.content, "width=1920, initial-scale=1"))
            Node.style(style)
        } body: {
            el(.header) {
                el(.div, .class("title")) {
                    el(.span, .class("center")) { "中野区産業振興センター" }
                    el(.h1) { "本日の施設利用状況" }
                }
                if let lobbyCode {
                    el(.div, .class("lobby-code")) {
                        el(.span) { "フリーデスク チェックインコード" }
                        el(.strong) { lobbyCode.display }
                    }
                }
                el(.div, .class("date")) {
                    el(.time, Attribute(.datetime, day.date.description)) { day.labelJa }
                    el(.span, .class("updated")) { "\(updated) 更新" }
                }
            }
            el(.main) {
                el(.table) {
                    el(.thead) {
                        el(.tr) {
                            el(.th, .class("room"), .scope("col")) { "施設" }
                            for (division, phase) in zip(day.divisions, phases) {
                                el(.th, .scope("col"), .class(phase.rawValue)) {
                                    division.nameJa
                                    if phase == .now { el(.span, .class("badge")) { "ただいま" } }
                                    el(.span, .class("time")) { "\(division.start)〜\(division.end)" }
                                }
                            }
                        }
                    }
                    el(.tbody) {
                        for room in day.rooms {
                            el(.tr) {
                                el(.th, .class("room"), .scope("row")) {
                                    room.nameJa
                                    if let floor = room.floor { el(.span, .class("floor")) { "\(floor)階" } }
                                    if !room.closureReasons.isEmpty {
                                        el(.span, .class("reason")) { room.closureReasons.joined(separator: "／") }
                                    }
                                }
                                for (slot, phase) in zip(room.slots, phases) { cell(slot, phase: phase) }
                            }
                        }
                        el(.tr, .class("desks")) {
                            el(.th, .class("room"), .scope("row")) {
                                day.desks.nameJa
                                el(.span, .class("floor")) { "空き席" }
                            }
                            for (period, phase) in zip(day.desks.periods, phases) { deskCell(period, open: day.desks.open, phase: phase) }
                        }
                    }
                }
            }
            el(.footer) {
                if day.closures.isEmpty {
                    el(.p, .class("notice")) { "本日は全施設開館しています。" }
                } else {
                    el(.h2) { "休館のお知らせ" }
                    el(.ul) {
                        for closure in day.closures {
                            el(.li) {
                                el(.strong) { closure.scope }
                                closure.reason
                            }
                        }
                    }
                }
                el(.p, .class("legend")) {
                    el(.span, .class("free")) { "空き" }
                    el(.span, .class("booked")) { "予約あり" }
                    el(.span, .class("in_use")) { "利用中" }
                    el(.span, .class("closed")) { "休館" }
                }
            }
        }.render()
    }

    /// Where a division stands at the time of rendering: over, under way, or to come.
    enum Phase: String { case past, now, later }

    static func phase(of division: Division, at minuteOfDay: Int) -> Phase {
        if FeedEvents.minutes(division.end) <= minuteOfDay { return .past }
        return FeedEvents.minutes(division.start) <= minuteOfDay ? .now : .later
    }

    /// Free desks of a period, `空き 18／20席`; 満席 when none is free.
    static func deskCell(_ period: DeskPeriodAvailability?, open: Bool, phase: Phase) -> Node {
        guard let period else { return el(.td, .class("none")) { "—" } }
        if !open || period.closed == period.desks { return el(.td, .class("closed \(phase.rawValue)")) { "休館" } }
        if period.free == 0 { return el(.td, .class("booked \(phase.rawValue)")) { "満席" } }
        return el(.td, .class("free \(phase.rawValue)")) {
            "空き \(period.free)"
            el(.small) { "／\(period.desks)席" }
        }
    }

    static func cell(_ slot: BoardDay.SlotState?, phase: Phase) -> Node {
        guard let slot else { return el(.td, .class("none")) { "—" } }
        let label = switch slot {
        case .free: "空き"
        case .booked: "予約あり"
        case .inUse: "利用中"
        case .closed: "休館"
        }
        return el(.td, .class("\(slot.rawValue) \(phase.rawValue)")) { label }
    }

    static let style: StaticString = """
        *{box-sizing:border-box;margin:0;padding:0}
        html,body{height:100%}
        body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;background:#0b1f33;color:#fff;
        display:grid;grid-template-rows:auto 1fr auto;padding:24px 40px;gap:18px;font-size:28px;line-height:1.25}
        header{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:4px solid #f5c400;padding-bottom:12px}
        .center{display:block;font-size:26px;color:#cfe0f2}
        h1{font-size:52px;font-weight:700;letter-spacing:.06em}
        .date{text-align:right}
        .lobby-code{text-align:center;border:4px solid #f5c400;border-radius:12px;padding:8px 24px}
        .lobby-code span{display:block;font-size:24px}
        .lobby-code strong{display:block;font-size:64px;letter-spacing:.08em;color:#f5c400}
        .date time{display:block;font-size:56px;font-weight:700}
        .updated{font-size:22px;color:#cfe0f2}
        main{min-height:0}
        table{width:100%;height:100%;border-collapse:separate;border-spacing:8px 6px;table-layout:fixed}
        thead th{font-size:32px;background:#14375a;padding:6px 12px;border-radius:6px}
        th .time{display:block;font-size:22px;font-weight:400;color:#cfe0f2}
        th.room{width:30%;text-align:left;padding:4px 16px;font-size:34px;background:#14375a;border-radius:6px}
        .floor{font-size:20px;font-weight:400;color:#cfe0f2;margin-left:14px}
        .reason{display:block;font-size:18px;font-weight:400;color:#ffd6d6}
        td{text-align:center;font-size:34px;font-weight:700;border-radius:6px}
        td.free,.legend .free{background:#e8f5e9;color:#0b4d1a}
        td.booked,.legend .booked{background:#1565c0;color:#fff}
        td.in_use,.legend .in_use{background:#ef6c00;color:#fff}
        td.closed,.legend .closed{background:#5f6b76;color:#fff}
        td.none{background:transparent;color:#5f6b76}
        td small{font-size:24px;font-weight:400;margin-left:4px}
        tr.desks th.room{background:#1d4a73}
        td.past{opacity:.45}
        thead th.now{background:#f5c400;color:#0b1f33}
        thead th.now .time{color:#0b1f33}
        td.now{outline:4px solid #f5c400;outline-offset:-4px}
        .badge{font-size:20px;margin-left:10px;padding:0 8px;border:2px solid #0b1f33;border-radius:4px;vertical-align:middle}
        footer{display:flex;justify-content:space-between;align-items:center;gap:24px;font-size:26px}
        footer h2{font-size:28px;color:#f5c400;margin-right:16px;white-space:nowrap}
        footer ul{list-style:none;flex:1}
        footer li strong{margin-right:16px;color:#f5c400}
        .notice{flex:1}
        .legend span{display:inline-block;padding:4px 16px;margin-left:8px;border-radius:6px;font-size:22px;font-weight:700}
        """
}
