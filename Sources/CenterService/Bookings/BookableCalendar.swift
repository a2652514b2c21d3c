import CalendarValues
import CenterDomain
internal import Store

/// The days a facility can be used (休館日): the configured `CenterCalendar`
/// (year-end, regular closed day, holidays if configured, works closures)
/// plus the ad-hoc closures (臨時休館) staff entered through `POST /closures`,
/// as stored in the `closures` table for a range of dates; a lifted closure
/// (`POST /closures/{id}/lift`) closes nothing.
struct BookableCalendar {
    /// One stored ad-hoc closure.
    struct AdHoc {
        let first: LocalDate
        let last: LocalDate
        /// Empty when the whole center closes.
        let facilities: [String]
        /// The reason in English, nil when staff gave it in Japanese only.
        let reason: String?
        /// The reason in Japanese, nil when staff gave it in English only.
        let reasonJa: String?
    }

    let calendar: CenterCalendar
    let adHoc: [AdHoc]

    /// The calendar with the ad-hoc closures that touch `first`…`last`.
    static func load(_ db: Database, calendar: CenterCalendar, from first: LocalDate, to last: LocalDate) throws -> BookableCalendar {
        let rows = try db.query("""
            SELECT first_date, last_date, facilities, reason_en, reason_ja FROM closures
            WHERE first_date <= ? AND last_date >= ? AND lifted_at IS NULL ORDER BY id
            """, [last.sqlValue, first.sqlValue])
        let adHoc = try rows.map { row in
            AdHoc(first: try row.get("first_date"),
                  last: try row.get("last_date"),
                  facilities: (try row.get("facilities") as String).split(separator: ",").map(String.init),
                  reason: try row.get("reason_en"), reasonJa: try row.get("reason_ja"))
        }
        return BookableCalendar(calendar: calendar, adHoc: adHoc)
    }

    /// Every reason `facility` is closed on `date`; empty when it is open.
    func closures(on date: LocalDate, facility: FacilityID) -> [ClosureReason] {
        calendar.closures(on: date, facility: facility.rawValue) + adHocClosures(on: date, facility: facility.rawValue)
    }

    /// `closures(on:facility:)` of each of `dates`: the calendar's own
    /// reasons are listed only for the days its open days
    /// (`CenterCalendar.openDays`, kept per month) leave out, since an open
    /// day has none; the ad-hoc closures are asked of every day.
    func closures(on dates: [LocalDate], facility: FacilityID) -> [[ClosureReason]] {
        var open: [YearMonth: Set<LocalDate>] = [:]
        return dates.map { date in
            let month = date.yearMonth
            let openDays = open[month] ?? Set(calendar.openDays(in: month, facility: facility.rawValue))
            open[month] = openDays
            return openDays.contains(date) ? adHocClosures(on: date, facility: facility.rawValue) : closures(on: date, facility: facility)
        }
    }

    /// The stored ad-hoc closures on `date` that close `facility` (with nil,
    /// only those of the whole center).
    func adHocClosures(on date: LocalDate, facility: String?) -> [ClosureReason] {
        adHoc.filter { closure in
            closure.first <= date && date <= closure.last
                && (closure.facilities.isEmpty || facility.map { closure.facilities.contains($0) } == true)
        }.map { ClosureReason(kind: .adHoc, reason: $0.reason, reasonJa: $0.reasonJa, facilities: $0.facilities) }
    }

    /// Whether `closures(on:facility:)` would list a reason, asked without
    /// making them (see `CenterCalendar.isOpen`).
    func isClosed(_ date: LocalDate, facility: FacilityID) -> Bool {
        !calendar.isOpen(date, facility: facility.rawValue)
            || adHoc.contains { $0.first <= date && date <= $0.last && ($0.facilities.isEmpty || $0.facilities.contains(facility.rawValue)) }
    }

    /// The units of `facility` bookable in `month` (the community quota's
    /// U): its open days, those `isClosed` does not close, times its
    /// divisions per day, with the month's regular closed days found once.
    func bookableUnits(in month: YearMonth, facility: Facility) -> Int {
        let id = facility.id.rawValue
        let adHoc = adHoc.filter { $0.facilities.isEmpty || $0.facilities.contains(id) }
        let open = calendar.openDays(in: month, facility: id).filter { date in
            !adHoc.contains { $0.first <= date && date <= $0.last }
        }
        return open.count * facility.unitsPerDay
    }

    /// `facility_closed` naming the date and every reason, for a closed date.
    func closedError(on date: LocalDate, facility: FacilityID) -> Refusal<ClosedDayCode> {
        let reasons = closures(on: date, facility: facility)
        let text = reasons.map { $0.reason ?? $0.reasonJa ?? $0.itemID ?? $0.kind.rawValue }
        let textJa = reasons.map { $0.reasonJa ?? $0.reason ?? $0.itemID ?? $0.kind.japaneseName }
        return Refusal(ClosedDayCode.facilityClosed, "\(facility) is closed on \(date) (\(text.joined(separator: ", "))).",
                       details: ["facility": facility.rawValue, "date": date.description,
                                     "reason": reasons.map(\.kind.rawValue).joined(separator: ","),
                                     "reason_text": text.joined(separator: ", "),
                                     "reason_text_ja": textJa.joined(separator: "、")])
    }
}
