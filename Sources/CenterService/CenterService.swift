import CalendarValues
import CenterDomain
internal import Store

/// The center's use cases, one area service each: registrations, bookings,
/// the opening calendar, flexible desks, lockers, storage, the renovation
/// roadmap, reports, accounts and housekeeping. Each runs the domain rules
/// inside store transactions; none speaks HTTP. One instance per process.
public final class CenterService: Sendable {
    public let settings: CenterSettings
    public let clock: any CenterClock
    /// Where failures of timers and requests are reported.
    public let log: ServiceLog
    /// The database the service runs over.
    public let store: CenterStore

    /// 利用登録: registering users, renewals, erasure of personal data.
    public let registrations: Registrations
    /// 予約: taking room bookings and moving them through their life, and their payments.
    public let bookings: Bookings
    /// 領収書: receipts for payments, numbered per fiscal year.
    public let receipts: Receipts
    /// 抽選: lottery rounds, their entries, commitments and draws.
    public let lottery: Lottery
    /// キャンセル待ち: the rooms' cancellation waiting list and its offers.
    public let waitingList: WaitingList
    /// 開館日カレンダー: open and closed days, ad-hoc closures.
    public let calendar: OpeningCalendar
    /// フリーデスク: desk passes.
    public let desks: Desks
    /// 法人登記用ロッカー: leases, the waitlist and its offers.
    public let lockers: Lockers
    /// 倉庫: storage applications, allocations and items.
    public let storage: Storage
    /// 改修ロードマップ: the schedule and the planners' updates.
    public let roadmap: RenovationRoadmap
    /// 集計: the staff reports and the lobby board.
    public let reports: Reports
    /// Tokens, authentication and the audit log.
    public let accounts: Accounts
    /// 窓口: the day sheet of the front desk.
    public let frontDesk: FrontDesk
    /// カレンダー配信: the members' secret calendar-feed URLs.
    public let feeds: CalendarFeeds
    /// Health, backups, personal-data retention and the store's figures.
    public let housekeeping: Housekeeping

    let context: ServiceContext

    /// A service over an opened store. Call `roadmap.restoreUpdates()` and
    /// `registrations.fillSearchKeys()` before serving (`start` does all three).
    public init(settings: CenterSettings, store: CenterStore, clock: any CenterClock, log: ServiceLog = .discard) {
        let context = ServiceContext(settings: settings, store: store, clock: clock, log: log)
        self.context = context
        self.settings = settings
        self.clock = clock
        self.log = log
        self.store = store
        registrations = Registrations(context: context)
        bookings = Bookings(context: context)
        receipts = Receipts(context: context)
        lottery = Lottery(context: context)
        waitingList = WaitingList(context: context)
        calendar = OpeningCalendar(context: context)
        desks = Desks(context: context)
        lockers = Lockers(context: context)
        storage = Storage(context: context)
        roadmap = RenovationRoadmap(context: context)
        reports = Reports(context: context)
        accounts = Accounts(context: context)
        frontDesk = FrontDesk(context: context)
        feeds = CalendarFeeds(context: context)
        housekeeping = Housekeeping(context: context)
    }

    /// A service ready to serve: planners' committed roadmap updates applied,
    /// and the search keys of registrations stored without them filled.
    public static func start(settings: CenterSettings, store: CenterStore, clock: any CenterClock,
                             log: ServiceLog = .discard) async throws -> CenterService {
        let service = CenterService(settings: settings, store: store, clock: clock, log: log)
        try await service.roadmap.restoreUpdates()
        let filled = try await service.registrations.fillSearchKeys()
        if filled > 0 { log.info("registration search keys filled", [("registrations", String(filled))]) }
        return service
    }

    /// Today in Japan, on the service's clock.
    public var today: LocalDate { context.today }

    /// Runs `work` as the handling of request `id`: every write it queues
    /// carries the id, and the audit lines those writes append record it.
    public static func withRequestID<T: Sendable>(_ id: String, _ work: () async throws -> T) async rethrows -> T {
        try await DatabasePool.$writeOrigin.withValue(id.isEmpty ? nil : id) { try await work() }
    }

    /// Commits the queued writes and closes the store: the last step of a
    /// shutdown, after the server and the timers have stopped.
    public func close() { store.close() }

    /// The store, for the module's own tests.
    var pool: DatabasePool { context.pool }
}
