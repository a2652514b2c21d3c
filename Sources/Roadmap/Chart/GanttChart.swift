import CalendarValues

/// The roadmap as a Gantt chart in SVG (工程表): fiscal years as columns,
/// STEP bands above them, one row per item with its Japanese title, planned
/// bars coloured by effective status, actual bars beneath, works closures
/// above, a line for today, the designated-manager terms along the bottom
/// and a legend.
public enum GanttChart {
    /// A font stack that renders Japanese on Linux and macOS.
    public static let fontFamily = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, sans-serif"

    /// The chart of `schedule` with statuses as of `today`.
    public static func svg(schedule: RoadmapSchedule, today: LocalDate) -> String {
        let rows = orderedItems(schedule)
        let layout = GanttLayout(fiscalYears: schedule.fiscalYears, rowCount: rows.count)
        var svg = header(layout)
        svg += title(layout, today: today)
        svg += stepBands(schedule, layout)
        svg += stripes(layout)
        svg += yearColumns(schedule, layout)
        for (index, item) in rows.enumerated() {
            if index > 0, rows[index - 1].step != item.step {
                let y = layout.rowTop(index)
                svg += line(layout.margin, y, layout.chartLeft + layout.chartWidth, y, stroke: "#78909c")
            }
            svg += row(item, index: index, today: today, layout)
        }
        svg += todayLine(today, layout)
        svg += managerBand(schedule, layout)
        svg += legend(layout)
        return svg + "</svg>\n"
    }

    /// Rows by step, then side as the report lists them (soft, both, hard),
    /// then planned start.
    static func orderedItems(_ schedule: RoadmapSchedule) -> [RoadmapItem] {
        func sideOrder(_ side: ItemSide) -> Int {
            switch side {
            case .soft: 0
            case .both: 1
            case .hard: 2
            }
        }
        return schedule.items.enumerated().sorted { a, b in
            (a.element.step, sideOrder(a.element.side), a.element.plannedStart, a.offset)
                < (b.element.step, sideOrder(b.element.side), b.element.plannedStart, b.offset)
        }.map(\.element)
    }

    private static func header(_ l: GanttLayout) -> String {
        let w = SVGText.number(l.width), h = SVGText.number(l.height)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
        font-family="\(SVGText.escape(fontFamily))" font-size="12">
        <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>

        """
    }

    private static func title(_ l: GanttLayout, today: LocalDate) -> String {
        let text = "中野区産業振興センター 整備ロードマップ（STEP1〜3） \(today) 時点"
        return "<text x=\"\(SVGText.number(l.margin))\" y=\"28\" font-size=\"16\" font-weight=\"bold\">\(SVGText.escape(text))</text>\n"
    }

    private static func stepBands(_ schedule: RoadmapSchedule, _ l: GanttLayout) -> String {
        var out = "<g id=\"steps\">\n"
        for (index, step) in schedule.steps.enumerated() {
            let x0 = l.x(FiscalYear(step.firstFiscalYear).firstMonth)
            let x1 = l.xEnd(FiscalYear(step.lastFiscalYear).lastMonth)
            let reiwa = step.firstFiscalYear == step.lastFiscalYear
                ? "令和\(step.firstFiscalYear - 2018)年度"
                : "令和\(step.firstFiscalYear - 2018)〜\(step.lastFiscalYear - 2018)年度"
            let mark = step.dateSource == .inferred ? "（推定）" : ""
            let colour = GanttChart.stepColours[index % GanttChart.stepColours.count]
            out += rect(x0, l.stepBandTop, x1 - x0, l.bandHeight, fill: colour, stroke: "#90a4ae")
            out += text("STEP\(step.number) \(reiwa)\(mark)", x: (x0 + x1) / 2, y: l.stepBandTop + 16, anchor: "middle", weight: "bold")
        }
        return out + "</g>\n"
    }

    private static func stripes(_ l: GanttLayout) -> String {
        var out = "<g id=\"stripes\">\n"
        for index in stride(from: 1, to: l.rowCount, by: 2) {
            out += rect(l.margin, l.rowTop(index), l.labelWidth + l.chartWidth, l.rowHeight, fill: "#f7f9fa", stroke: nil)
        }
        return out + "</g>\n"
    }

    private static func yearColumns(_ schedule: RoadmapSchedule, _ l: GanttLayout) -> String {
        var out = "<g id=\"fiscal-years\">\n"
        for year in schedule.fiscalYears {
            let x0 = l.x(FiscalYear(year).firstMonth), x1 = l.xEnd(FiscalYear(year).lastMonth)
            out += rect(x0, l.yearHeaderTop, x1 - x0, l.bandHeight, fill: "#eceff1", stroke: "#90a4ae")
            out += text(SVGText.fiscalYearLabel(year), x: (x0 + x1) / 2, y: l.yearHeaderTop + 16, anchor: "middle")
            out += line(x0, l.yearHeaderTop, x0, l.managerBandTop + l.bandHeight * 2, stroke: "#cfd8dc")
        }
        let right = l.chartLeft + l.chartWidth
        out += line(right, l.yearHeaderTop, right, l.managerBandTop + l.bandHeight * 2, stroke: "#cfd8dc")
        return out + "</g>\n"
    }

    private static func row(_ item: RoadmapItem, index: Int, today: LocalDate, _ l: GanttLayout) -> String {
        let top = l.rowTop(index)
        let status = ItemProgress.status(of: item, asOf: today)
        var out = "<g id=\"item-\(SVGText.escape(item.id))\" data-status=\"\(status.rawValue)\">\n"
        out += "<title>\(SVGText.escape("\(item.id): \(item.titleEn) — \(item.plannedStart)〜\(item.plannedEnd), \(labelJa(status))"))</title>\n"
        let mark = item.dateSource == .inferred ? "＊" : ""
        out += text("STEP\(item.step)", x: l.margin + 4, y: top + 16, size: 10)
        out += text(item.side.labelJa, x: l.margin + 48, y: top + 16, size: 10)
        out += text(item.titleJa + mark, x: l.titleLeft, y: top + 16, fitting: l.titleWidth)
        let x0 = l.x(item.plannedStart), x1 = l.xEnd(item.plannedEnd)
        out += rect(x0, top + 3, max(2, x1 - x0), 14, fill: colour(status), stroke: status == .cancelled ? "#9e9e9e" : nil)
        for closure in item.closures {
            let c0 = l.x(closure.from), c1 = l.xEnd(closure.to)
            out += rect(c0, top + 0.5, max(2, c1 - c0), 2.5, fill: closureColour, stroke: nil)
        }
        if let start = item.actualStart, start <= today {
            let end = item.actualEnd.map { min($0, today) } ?? today
            let a0 = l.x(start), a1 = l.xEnd(end)
            out += rect(a0, top + 18, max(2, a1 - a0), 4, fill: actualColour, stroke: nil)
        }
        return out + "</g>\n"
    }

    private static func todayLine(_ today: LocalDate, _ l: GanttLayout) -> String {
        guard today >= l.firstMonth.firstDay, today <= l.lastDay else { return "" }
        let x = l.x(today)
        var out = "<g id=\"today\">\n"
        out += "<line x1=\"\(SVGText.number(x))\" y1=\"\(SVGText.number(l.yearHeaderTop))\" x2=\"\(SVGText.number(x))\" y2=\"\(SVGText.number(l.managerBandTop + l.bandHeight * 2))\" stroke=\"\(todayColour)\" stroke-width=\"2\"/>\n"
        out += text("今日 \(today)", x: x + 3, y: l.rowsTop - 1, fill: todayColour, size: 10)
        return out + "</g>\n"
    }

    private static func managerBand(_ schedule: RoadmapSchedule, _ l: GanttLayout) -> String {
        var out = "<g id=\"managers\">\n"
        out += text("指定管理者", x: l.margin + 4, y: l.managerBandTop + 16, weight: "bold")
        let first = l.firstMonth.firstDay, last = l.lastDay
        for (index, term) in schedule.managers.enumerated() where term.end >= first && term.start <= last {
            let x0 = l.x(max(term.start, first)), x1 = l.xEnd(min(term.end, last))
            let colour = managerColours[index % managerColours.count]
            out += "<g id=\"manager-\(SVGText.escape(term.id))\">\n"
            out += rect(x0, l.managerBandTop, x1 - x0, l.bandHeight, fill: colour, stroke: "#7e57c2")
            let room = max(8, x1 - x0 - 8)
            out += text(term.label, x: x0 + 4, y: l.managerBandTop + 16, fitting: room)
            let name = term.operatorJa.isEmpty ? "事業者名不明" : term.operatorJa
            out += text(name, x: x0 + 4, y: l.managerBandTop + l.bandHeight + 14, size: 10, fitting: room)
            out += text("\(term.start)〜\(term.end)", x: x0 + 4, y: l.managerBandTop + l.bandHeight + 26, size: 10, fitting: room)
            out += "</g>\n"
        }
        return out + "</g>\n"
    }

    private static func legend(_ l: GanttLayout) -> String {
        var out = "<g id=\"legend\">\n"
        var x = l.margin
        let y = l.legendTop
        for status in EffectiveStatus.allCases {
            out += rect(x, y, 14, 14, fill: colour(status), stroke: "#9e9e9e")
            out += text(labelJa(status), x: x + 18, y: y + 12)
            x += 96
        }
        out += rect(x, y + 5, 14, 4, fill: actualColour, stroke: nil)
        out += text("実績", x: x + 18, y: y + 12)
        out += rect(x + 64, y + 5, 14, 3, fill: closureColour, stroke: nil)
        out += text("工事による休館", x: x + 82, y: y + 12)
        out += text("＊ 日付は報告書の表からの推定", x: x + 184, y: y + 12, size: 10)
        return out + "</g>\n"
    }
}
