import CalendarValues

/// The geometry of the Gantt chart: where each month, row and band sits.
struct GanttLayout: Sendable {
    let firstMonth: YearMonth
    let monthCount: Int
    let rowCount: Int

    let margin = 16.0
    let labelWidth = 580.0
    let monthWidth = 12.0
    let rowHeight = 24.0
    let titleHeight = 48.0
    let bandHeight = 24.0

    init(fiscalYears: ClosedRange<Int>, rowCount: Int) {
        firstMonth = FiscalYear(fiscalYears.lowerBound).firstMonth
        monthCount = fiscalYears.count * 12
        self.rowCount = rowCount
    }

    var lastDay: LocalDate { firstMonth.adding(months: monthCount - 1).lastDay }
    var chartLeft: Double { margin + labelWidth }
    /// Where item titles start, after the step and side columns.
    var titleLeft: Double { margin + 100 }
    var titleWidth: Double { chartLeft - titleLeft - 8 }
    var chartWidth: Double { Double(monthCount) * monthWidth }
    var width: Double { chartLeft + chartWidth + margin }

    var stepBandTop: Double { titleHeight }
    var yearHeaderTop: Double { stepBandTop + bandHeight }
    var rowsTop: Double { yearHeaderTop + bandHeight + 8 }
    func rowTop(_ index: Int) -> Double { rowsTop + Double(index) * rowHeight }
    var rowsBottom: Double { rowTop(rowCount) }
    var managerBandTop: Double { rowsBottom + 12 }
    var legendTop: Double { managerBandTop + bandHeight * 2 + 24 }
    var height: Double { legendTop + 40 }

    /// The x of the start of a day, clamped to the chart.
    func x(_ date: LocalDate) -> Double {
        let months = Double(firstMonth.months(until: date.yearMonth))
        let fraction = Double(date.day - 1) / Double(LocalDate.daysIn(year: date.year, month: date.month))
        return chartLeft + min(max(0, (months + fraction) * monthWidth), chartWidth)
    }

    /// The x just after a day (its end), clamped to the chart.
    func xEnd(_ date: LocalDate) -> Double { date >= lastDay ? chartLeft + chartWidth : x(date.adding(days: 1)) }

    /// The x of the start of a month, clamped to the chart.
    func x(_ month: YearMonth) -> Double { x(month.firstDay) }

    /// The x just after a month, clamped to the chart.
    func xEnd(_ month: YearMonth) -> Double { xEnd(month.lastDay) }
}
