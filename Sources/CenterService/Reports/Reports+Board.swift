import CenterDomain
import Roadmap
internal import Store

extension Reports {
    /// The lobby board for today on the service's clock: every room booked by
    /// division with its divisions' states, the desks free per period, and
    /// today's closures with reasons.
    public func board() async throws -> BoardDay {
        let center = settings.center
        let calendar = self.calendar
        let roadmap = context.roadmapState.schedule
        let today = context.today
        let rooms = center.facilities.filter { $0.kind == .room && $0.bookable && !$0.divisions.isEmpty }
        let (days, held) = try await pool.read { db in
            let days = try BookableCalendar.load(db, calendar: calendar, from: today, to: today)
            let rows = try db.query("""
                SELECT b.facility_id, u.division, b.state FROM booking_units u JOIN bookings b ON b.id = u.booking_id
                WHERE u.live = 1 AND u.date = ?
                """, [today.sqlValue])
            var held: [String: BookingState] = [:]
            for row in rows {
                let key = (try row.get("facility_id") as String) + "/" + (try row.get("division") as String)
                held[key] = try row.get("state")
            }
            return (days, held)
        }
        var closures: [BoardDay.Closure] = []
        let boardRooms = rooms.map { room -> BoardDay.Room in
            let reasons = days.closures(on: today, facility: room.id)
            let texts = reasons.map { Self.boardText(of: $0, roadmap: roadmap) }
            for (reason, text) in zip(reasons, texts) {
                let scope = reason.facilities.isEmpty
                    ? "全館"
                    : reason.facilities.compactMap { center.facility(FacilityID($0))?.nameJa }.joined(separator: "・")
                let closure = BoardDay.Closure(scope: scope, reason: text)
                if !closures.contains(closure) { closures.append(closure) }
            }
            let slots = center.divisions.map { division -> BoardDay.SlotState? in
                guard room.divisions.contains(division.id) else { return nil }
                if !reasons.isEmpty { return .closed }
                switch held[room.id.rawValue + "/" + division.id.rawValue] {
                case .checkedIn?: return .inUse
                case .some: return .booked
                case nil: return .free
                }
            }
            let ownReasons = zip(reasons, texts).filter { !$0.0.facilities.isEmpty }.map(\.1)
            return BoardDay.Room(id: room.id, nameJa: room.nameJa, nameEn: room.nameEn, floor: room.floor,
                                 slots: slots, closureReasons: ownReasons)
        }
        let deskDay = try await Desks(context: context).availability(date: today)
        let desks = BoardDay.Desks(nameJa: center.facility(center.desks.pool)?.nameJa ?? "フリーデスク", open: deskDay.open,
                                   periods: center.divisions.map { division in deskDay.periods.first { $0.period == division.id } })
        return BoardDay(date: today, labelJa: today.japaneseReceiptLabel, divisions: center.divisions,
                        rooms: boardRooms, desks: desks, closures: closures)
    }

    /// A closure reason in Japanese for the public board: the kind of closed
    /// day, the ad-hoc reason staff gave, or the works item's title.
    static func boardText(of reason: ClosureReason, roadmap: RoadmapSchedule) -> String {
        switch reason.kind {
        case .yearEnd: return "年末年始休館"
        case .regularClosedDay: return "定期休館日"
        case .holiday: return reason.reasonJa ?? reason.reason ?? "祝日休館"
        case .adHoc: return "臨時休館：" + (reason.reasonJa ?? reason.reason ?? "")
        case .works:
            let title = reason.itemID.flatMap { roadmap.item($0)?.titleJa } ?? reason.reasonJa ?? reason.itemID ?? ""
            return "工事のため休館：" + title
        }
    }
}
