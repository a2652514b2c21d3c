import CalendarValues
import CenterDomain
import CenterService

/// The lobby board (本日の施設利用状況) as one self-contained HTML page for a
/// 1920×1080 screen: the date in Japanese, a grid of rooms × divisions with
/// the flexible desks free per period as its last row, and today's closures
/// with their reasons. No script: the page reloads itself
/// every minute with `<meta http-equiv="refresh">`. All text is escaped.
enum BoardPage {
    static func render(_ day: BoardDay, updatedAt minuteOfDay: Int) -> String {
        let e = HTMLText.escape
        let updated = LocalDate.pad(minuteOfDay / 60, 2) + ":" + LocalDate.pad(minuteOfDay % 60, 2)
        var html = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="60">
            <meta name="viewport" content="width=1920, initial-scale=1">
            <title>本日の施設利用状況 \(e(day.labelJa)) | 中野区産業振興センター</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <div class="title"><span class="center">中野区産業振興センター</span><h1>本日の施設利用状況</h1></div>
            <div class="date"><time datetime="\(e(day.date.description))">\(e(day.labelJa))</time><span class="updated">\(e(updated)) 更新</span></div>
            </header>
            <main>
            <table>
            <thead><tr><th class="room" scope="col">施設</th>
            """
        let phases = day.divisions.map { phase(of: $0, at: minuteOfDay) }
        for (division, phase) in zip(day.divisions, phases) {
            html += "<th scope=\"col\" class=\"\(phase.rawValue)\">\(e(division.nameJa))"
            if phase == .now { html += "<span class=\"badge\">ただいま</span>" }
            html += "<span class=\"time\">\(e(division.start))〜\(e(division.end))</span></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for room in day.rooms {
            html += "<tr><th class=\"room\" scope=\"row\">\(e(room.nameJa))"
            if let floor = room.floor { html += "<span class=\"floor\">\(floor)階</span>" }
            if !room.closureReasons.isEmpty {
                html += "<span class=\"reason\">\(e(room.closureReasons.joined(separator: "／")))</span>"
            }
            html += "</th>"
            for (slot, phase) in zip(room.slots, phases) { html += cell(slot, phase: phase) }
            html += "</tr>\n"
        }
        html += "<tr class=\"desks\"><th class=\"room\" scope=\"row\">\(e(day.desks.nameJa))<span class=\"floor\">空き席</span></th>"
        for (period, phase) in zip(day.desks.periods, phases) { html += deskCell(period, open: day.desks.open, phase: phase) }
        html += "</tr>\n"
        html += "</tbody>\n</table>\n</main>\n<footer>"
        if day.closures.isEmpty {
            html += "<p class=\"notice\">本日は全施設開館しています。</p>"
        } else {
            html += "<h2>休館のお知らせ</h2><ul>"
            for closure in day.closures {
                html += "<li><strong>\(e(closure.scope))</strong>\(e(closure.reason))</li>"
            }
            html += "</ul>"
        }
        html += "<p class=\"legend\"><span class=\"free\">空き</span><span class=\"booked\">予約あり</span><span class=\"in_use\">利用中</span><span class=\"closed\">休館</span></p>"
        html += "</footer>\n</body>\n</html>\n"
        return html
    }

    /// Where a division stands at the time of rendering: over, under way, or to come.
    enum Phase: String { case past, now, later }

    static func phase(of division: Division, at minuteOfDay: Int) -> Phase {
        if FeedEvents.minutes(division.end) <= minuteOfDay { return .past }
        return FeedEvents.minutes(division.start) <= minuteOfDay ? .now : .later
    }

    /// Free desks of a period, `空き 18／20席`; 満席 when none is free.
    static func deskCell(_ period: DeskPeriodAvailability?, open: Bool, phase: Phase) -> String {
        guard let period else { return "<td class=\"none\">—</td>" }
        if !open || period.closed == period.desks { return "<td class=\"closed \(phase.rawValue)\">休館</td>" }
        if period.free == 0 { return "<td class=\"booked \(phase.rawValue)\">満席</td>" }
        return "<td class=\"free \(phase.rawValue)\">空き \(period.free)<small>／\(period.desks)席</small></td>"
    }

    static func cell(_ slot: BoardDay.SlotState?, phase: Phase) -> String {
        guard let slot else { return "<td class=\"none\">—</td>" }
        let label = switch slot {
        case .free: "空き"
        case .booked: "予約あり"
        case .inUse: "利用中"
        case .closed: "休館"
        }
        return "<td class=\"\(slot.rawValue) \(phase.rawValue)\">\(label)</td>"
    }

    static let style = """
        *{box-sizing:border-box;margin:0;padding:0}
        html,body{height:100%}
        body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;background:#0b1f33;color:#fff;
        display:grid;grid-template-rows:auto 1fr auto;padding:24px 40px;gap:18px;font-size:28px;line-height:1.25}
        header{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:4px solid #f5c400;padding-bottom:12px}
        .center{display:block;font-size:26px;color:#cfe0f2}
        h1{font-size:52px;font-weight:700;letter-spacing:.06em}
        .date{text-align:right}
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
