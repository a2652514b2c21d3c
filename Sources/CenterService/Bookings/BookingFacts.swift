import CalendarValues
import CenterDomain
internal import Store

/// What the booking rules read of the database for one `BookingPlan`: the
/// registration's standing (one read), and the facility-month state (one
/// read of `closures` and `booking_units` together): the ad-hoc closures of
/// the months, the live units of the room on the requested dates, how many
/// units of the room each month holds, the registration's units by month
/// and facility, the days it holds the room around the request, the
/// companions a coupled room needs, and the room's live waiting-list entries
/// on the dates (`WaitingHold`). Counts are counted by SQLite, not by
/// decoding every unit of the month.
///
/// The arrival snapshot and the single writer read the same facts the same
/// way, so the rules give both the same answer for the same state
/// (`BookingSnapshotTests`).
struct BookingFacts {
    let registration: RegistrationStanding
    let days: BookableCalendar
    /// Live units of the room on the requested dates.
    let taken: Set<Unit>
    /// Per month of the request, the room's live units not held for the
    /// community quota: exact whenever it could refuse, else the room's
    /// live units of the month (an upper bound that leaves room).
    let nonCommunityUnits: [YearMonth: Int]
    /// Per month of the request, the room's bookable units (the quota's U,
    /// `BookableCalendar.bookableUnits`), when the quota applies to the
    /// registration: counted once here, for this read and for `decide`.
    let bookableUnits: [YearMonth: Int]
    /// Per month of the request, the registration's live units by facility.
    let registrationUnits: [YearMonth: [FacilityID: Int]]
    /// The days around the request on which the registration holds the
    /// room, when the consecutive-day limit applies to it.
    let heldDays: Set<LocalDate>
    /// Live units on the requested dates that may be a coupled room's
    /// companions (the registration's own, or any when a coupling allows).
    let companions: [BookedUnit]
    /// Live waiting-list entries of the room on the requested dates, when
    /// a waiting list is configured.
    let waiting: [WaitingHold.Entry]

    /// A division of a date.
    struct Unit: Hashable {
        let date: LocalDate
        let division: DivisionID
    }

    /// The facts for `plan`: `registration_not_found` when there is no such registration.
    static func load(_ db: Database, plan: BookingPlan, center: CenterConfiguration,
                     calendar: CenterCalendar) throws -> BookingFacts {
        let registration = try RegistrationStanding.load(db, id: plan.request.registration)
        let facility = plan.facility
        let monthFirst = plan.first.firstOfMonth, monthLast = plan.last.lastOfMonth
        let consecutive = center.limits.consecutive
        let around = consecutive.neighbourhood(first: plan.first, last: plan.last)
        let quota = center.quota(for: facility.id)
        let couplings = center.couplings(for: facility.id)
        let anyCompanion = couplings.contains { !$0.sameRegistration }
        let arguments: [SQLValue] = [
            facility.id.sqlValue, monthFirst.sqlValue, monthLast.sqlValue, plan.first.sqlValue, plan.last.sqlValue,
            .integer(registration.id), around.from.sqlValue, around.to.sqlValue,
            (quota != nil && !registration.category.isCommunity).sqlValue,
            consecutive.applies(to: registration.category).sqlValue,
            (!couplings.isEmpty && !anyCompanion).sqlValue, anyCompanion.sqlValue, (center.waitingList != nil).sqlValue,
        ]
        var adHoc: [(id: Int64, closure: BookableCalendar.AdHoc)] = []
        var taken = Set<Unit>()
        var monthUnits: [YearMonth: Int] = [:]
        var registrationUnits: [YearMonth: [FacilityID: Int]] = [:]
        var heldDays = Set<LocalDate>()
        var companions: [BookedUnit] = []
        var waiting: [WaitingHold.Entry] = []
        let own = String(registration.id)
        for row in try db.query(factsQuery, arguments) {
            switch try row.get(0) as String {
            case "x":
                adHoc.append((try row.get(6), BookableCalendar.AdHoc(
                    first: try row.get(1), last: try row.get(2),
                    facilities: (try row.get(3) as String).split(separator: ",").map(String.init),
                    reason: try row.get(4), reasonJa: try row.get(5))))
            case "s":
                taken.insert(Unit(date: try row.get(1), division: try row.get(2)))
            case "t":
                monthUnits[try row.get(1)] = try row.get(3)
            case "m":
                registrationUnits[try row.get(1), default: [:]][try row.get(2)] = try row.get(3)
            case "h":
                heldDays.insert(try row.get(1))
            case "c":
                companions.append(BookedUnit(facility: try row.get(3), date: try row.get(1), division: try row.get(2),
                                             registration: own, category: registration.category))
            case "w":
                waiting.append(WaitingHold.Entry(id: try row.get(4), date: try row.get(1), division: try row.get(2),
                                                 offered: try row.get(3) as String == "offered"))
            default:
                companions.append(BookedUnit(facility: try row.get(3), date: try row.get(1), division: try row.get(2),
                                             registration: String(try row.get(4) as Int64), category: try row.get(5)))
            }
        }
        let days = BookableCalendar(calendar: calendar, adHoc: adHoc.sorted { $0.id < $1.id }.map(\.closure))
        var nonCommunity = monthUnits
        var bookableUnits: [YearMonth: Int] = [:]
        if let quota, !registration.category.isCommunity {
            // The room's units of a month bound its non-community units:
            // only a month where that bound would pass the ceiling needs
            // the exact count (a lookup of every unit's row).
            let near = plan.months.filter { month in
                let bookable = days.bookableUnits(in: month, facility: facility)
                bookableUnits[month] = bookable
                return (monthUnits[month] ?? 0) + plan.requestedUnits(in: month) > quota.nonCommunityCeiling(bookableUnits: bookable)
            }
            if !near.isEmpty {
                for month in near { nonCommunity[month] = 0 }
                for row in try db.query(nonCommunityQuery, [facility.id.sqlValue, near[0].firstDay.sqlValue,
                                                            near[near.count - 1].lastDay.sqlValue]) {
                    nonCommunity[try row.get(0)] = try row.get(1)
                }
            }
        }
        return BookingFacts(registration: registration, days: days, taken: taken, nonCommunityUnits: nonCommunity,
                            bookableUnits: bookableUnits,
                            registrationUnits: registrationUnits, heldDays: heldDays, companions: companions,
                            waiting: waiting)
    }

    /// The facility-month state in one statement: closures not lifted (`x`), the room's
    /// units on the dates (`s`), its units per month (`t`, when the quota
    /// applies), the registration's units per month and facility (`m`), the
    /// days it holds the room around the request (`h`, when the
    /// consecutive-day limit applies), companions (`c`: the registration's
    /// own; `n`: anyone's), and the room's live waiting-list entries on the
    /// dates (`w`, when a waiting list is configured). Each branch is an
    /// indexed search; a branch switched off by its flag (?9–?13) is skipped
    /// before its loop.
    static let factsQuery = SQL("""
        SELECT 'x', first_date, last_date, facilities, reason_en, reason_ja, id FROM closures
            WHERE first_date <= ?3 AND last_date >= ?2 AND lifted_at IS NULL
        UNION ALL SELECT 's', date, division, NULL, NULL, NULL, NULL FROM booking_units
            WHERE live = 1 AND facility_id = ?1 AND date BETWEEN ?4 AND ?5
        UNION ALL SELECT 't', substr(date, 1, 7), NULL, count(*), NULL, NULL, NULL FROM booking_units
            WHERE ?9 AND live = 1 AND facility_id = ?1 AND date BETWEEN ?2 AND ?3 GROUP BY 2
        UNION ALL SELECT 'm', substr(date, 1, 7), facility_id, count(*), NULL, NULL, NULL FROM booking_units
            WHERE live = 1 AND registration_id = ?6 AND date BETWEEN ?2 AND ?3 GROUP BY 2, 3
        UNION ALL SELECT 'h', date, NULL, NULL, NULL, NULL, NULL FROM booking_units
            WHERE ?10 AND live = 1 AND registration_id = ?6 AND facility_id = ?1 AND date BETWEEN ?7 AND ?8
        UNION ALL SELECT 'c', date, division, facility_id, NULL, NULL, NULL FROM booking_units
            WHERE ?11 AND live = 1 AND registration_id = ?6 AND date BETWEEN ?4 AND ?5
        UNION ALL SELECT 'n', u.date, u.division, u.facility_id, u.registration_id, b.category, NULL
            FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE ?12 AND u.live = 1 AND u.date BETWEEN ?4 AND ?5
        UNION ALL SELECT 'w', date, division, state, id, NULL, NULL FROM waiting_entries
            WHERE ?13 AND facility_id = ?1 AND date BETWEEN ?4 AND ?5 AND state IN ('waiting', 'offered')
        """)

    /// The room's live units not held by community groups, per month.
    static let nonCommunityQuery = SQL("""
        SELECT substr(date, 1, 7), count(*) FROM booking_units
        WHERE live = 1 AND facility_id = ? AND community = 0 AND date BETWEEN ? AND ? GROUP BY 1
        """)
}
