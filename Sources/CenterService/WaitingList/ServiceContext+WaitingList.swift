import CalendarValues
import CenterDomain
internal import Store

extension ServiceContext {
    /// A `WaitingDesk` for a write of `actor` at an instant, nil when the
    /// center keeps no waiting list: what the paths that free units call.
    func waitingDesk(actor: String) -> (@Sendable (Database, Instant) -> WaitingDesk)? {
        guard let rules = settings.center.waitingList else { return nil }
        let calendar = self.calendar
        return { db, now in WaitingDesk(db: db, rules: rules, calendar: calendar, now: now, actor: actor) }
    }
}
