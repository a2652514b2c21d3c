import CalendarValues
import CenterDomain
internal import Store
import Synchronization

/// What every area service shares: the settings, the clock, the seeds, the log, the
/// store, the roadmap as it stands, and the timers' bookkeeping. One per
/// `CenterService`; the area services are views onto it.
final class ServiceContext: Sendable {
    let settings: CenterSettings
    let clock: any CenterClock
    /// The secret seeds of lottery commitments and drawn waiting lines.
    let seeds: any SeedSource
    let log: ServiceLog
    let store: CenterStore
    let roadmapState: RoadmapState
    /// The configuration's facilities by id, built once (the booking rules
    /// look facilities up many times a request).
    let catalogue: [FacilityID: Facility]
    let bookingTimer = BookingTimer()
    let tokenCache = TokenCache()
    let timerFailures = TimerFailures()
    let backupFailures = Atomic<Int>(0)
    /// Wrong lobby check-in codes per person (`Desks.checkIn(pass:lobbyCode:by:)`).
    let lobbyCodeFailures = Mutex(ThrottleLedger(policy: .lobbyCodes))

    init(settings: CenterSettings, store: CenterStore, clock: any CenterClock, seeds: any SeedSource, log: ServiceLog) {
        self.settings = settings
        self.store = store
        self.clock = clock
        self.seeds = seeds
        self.log = log
        roadmapState = RoadmapState(schedule: settings.roadmap, policy: settings.calendar.policy)
        catalogue = settings.center.catalogue
    }

    var pool: DatabasePool { store.pool }

    /// The center's calendar, with the works closures of the roadmap as it stands.
    var calendar: CenterCalendar { roadmapState.calendar }

    /// Today in Japan, on the service's clock.
    var today: LocalDate { clock.now().japanDate }
}

/// An area service: a view of the shared `ServiceContext`.
protocol AreaService: Sendable {
    var context: ServiceContext { get }
}

extension AreaService {
    var settings: CenterSettings { context.settings }
    var clock: any CenterClock { context.clock }
    var pool: DatabasePool { context.pool }
    var calendar: CenterCalendar { context.calendar }
}
