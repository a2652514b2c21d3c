import CalendarValues
import CenterDomain
import CenterService
import JSON
import Roadmap

/// Which days are closed, as the checker works it out for itself: the
/// configured calendar (year-end, the regular closed day, holidays when
/// configured), the works closures of the roadmap as the database holds it
/// (the schedule files with the planners' stored updates, cancelled items
/// closing nothing), and the ad-hoc closures of the `closures` table not
/// lifted since, all read with plain SQL. The service's own calendar, which lives in memory
/// and must agree with the database after a restart, is not consulted.
public final class CalendarOracle {
    private let configured: CenterCalendar
    private let baseline: RoadmapSchedule
    private var configuredClosed: [String: Bool] = [:]
    private var version: (closures: String?, roadmap: String?) = (nil, nil)
    /// The roadmap as the database holds it.
    public private(set) var schedule: RoadmapSchedule
    private var windows: [(from: LocalDate, to: LocalDate, facilities: [String])] = []

    init(settings: CenterSettings) {
        configured = CenterCalendar(policy: settings.calendar.policy)
        baseline = settings.roadmap
        schedule = settings.roadmap
    }

    /// Reads the closures and the roadmap again when their tables changed.
    func refresh(_ db: DatabaseReader, images: TableImages) throws {
        let current = (images.tables["closures"], images.tables["roadmap_items"])
        guard current.0 != version.closures || current.1 != version.roadmap else { return }
        version = current
        var schedule = baseline
        for row in try db.rows("SELECT item FROM roadmap_items ORDER BY id") {
            guard let text = row.first?.text else { continue }
            schedule = schedule.replacing(try JSONCodec.decodeStored(RoadmapItem.self, from: text))
        }
        self.schedule = schedule
        windows = schedule.items.filter { $0.status != .cancelled }.flatMap { item in
            item.closures.map { (from: $0.from, to: $0.to, facilities: $0.facilities) }
        }
        for row in try db.rows("SELECT first_date, last_date, facilities FROM closures WHERE lifted_at IS NULL") {
            guard let from = row[0].text.flatMap(LocalDate.init), let to = row[1].text.flatMap(LocalDate.init) else { continue }
            let facilities = (row[2].text ?? "").split(separator: ",").map(String.init)
            windows.append((from: from, to: to, facilities: facilities))
        }
    }

    /// Whether `facility` is closed on `date`.
    public func isClosed(_ date: LocalDate, facility: String) -> Bool {
        let key = "\(date) \(facility)"
        let closedByConfiguration: Bool
        if let known = configuredClosed[key] {
            closedByConfiguration = known
        } else {
            closedByConfiguration = !configured.closures(on: date, facility: facility).isEmpty
            configuredClosed[key] = closedByConfiguration
        }
        return closedByConfiguration || windows.contains { window in
            window.from <= date && date <= window.to && (window.facilities.isEmpty || window.facilities.contains(facility))
        }
    }

    /// U of the community quota: the open days of `month` for `facility`
    /// times its divisions per day.
    public func bookableUnits(in month: YearMonth, facility: String, divisionsPerDay: Int) -> Int {
        month.dates.filter { !isClosed($0, facility: facility) }.count * divisionsPerDay
    }
}
