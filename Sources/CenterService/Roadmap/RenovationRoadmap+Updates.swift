import CenterDomain
import JSON
import Roadmap
internal import Store
import Synchronization

/// What a planner's update to a roadmap item did, or would do with
/// `dry_run`: the item after the change and the live bookings its works
/// closures displace (cancelled by the center with a full refund unless dry).
public struct RoadmapChange: Sendable, Encodable {
    public let dryRun: Bool
    public let item: RoadmapItem
    public let displaced: [Booking]
    /// Desk passes on days the item's closures shut the desk pool.
    public let displacedDeskPasses: [DeskPass]

    /// Bookings and desk passes displaced together: the number a change
    /// must confirm (`confirm_displaced`) to be applied.
    public var displacedCount: Int { displaced.count + displacedDeskPasses.count }

    enum CodingKeys: String, CodingKey {
        case item, displaced, dryRun = "dry_run", displacedDeskPasses = "displaced_desk_passes", displacedCount = "displaced_count"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dryRun, forKey: .dryRun)
        try c.encode(item, forKey: .item)
        try c.encode(displaced, forKey: .displaced)
        try c.encode(displacedDeskPasses, forKey: .displacedDeskPasses)
        try c.encode(displacedCount, forKey: .displacedCount)
    }
}

/// A roadmap change that would displace bookings or desk passes, sent
/// without `confirm_displaced` equal to their number (or with a number that
/// no longer holds because bookings changed since the dry run): nothing was
/// applied. The refusal carries the dry run as it stands now (attachment
/// `dry_run`), so the planner can review the list and confirm its count.
public enum RoadmapChangeCode: String, ErrorCode {
    case displacementUnconfirmed = "displacement_unconfirmed"
}

extension Refusal where Code == RoadmapChangeCode {
    /// `displacement_unconfirmed` for `change`, given `confirmed` (nil: not sent).
    static func unconfirmed(_ change: RoadmapChange, confirmed: Int?) -> Refusal {
        let what = "this change would cancel \(change.displaced.count) booking(s) and \(change.displacedDeskPasses.count) desk pass(es)"
        let ask = "review the dry run in details and send confirm_displaced=\(change.displacedCount) to apply it"
        let message = confirmed.map { "Nothing was changed: confirm_displaced=\($0) no longer holds, \(what); \(ask)." }
            ?? "Nothing was changed: \(what); \(ask)."
        var details = ["displaced_count": String(change.displacedCount)]
        if let confirmed { details["confirm_displaced"] = String(confirmed) }
        return Refusal(.displacementUnconfirmed, message, details: details,
                       attachment: RefusalAttachment(key: "dry_run", value: change))
    }
}

/// The Roadmap module's codes, as the refusals of the roadmap's use cases.
extension RoadmapError.Code: ErrorCode {}

extension RoadmapError {
    /// The error as a refusal of the roadmap's use cases.
    var refusal: Refusal<Code> { Refusal(code, message) }
}

extension RenovationRoadmap {
    /// Applies `update` to roadmap item `id` (PATCH by a planner): dates,
    /// closures and dependencies are checked by the Roadmap module; the live
    /// bookings and desk passes inside the item's new closure windows are
    /// listed, and unless `dryRun` they are cancelled by the center (100%
    /// refund) in the same transaction that records the change and its audit
    /// line. A change that displaces anything is applied only when
    /// `confirmDisplaced` equals their number, counted again inside the
    /// writer; otherwise `displacement_unconfirmed` and nothing changes.
    public func update(item id: String, update: RoadmapUpdate, dryRun: Bool, confirmDisplaced: Int? = nil,
                       by actor: Actor) async throws(ServiceError<UpdateRefusal>) -> RoadmapChange {
        do {
            return try await change(item: id, update: update, dryRun: dryRun, confirmDisplaced: confirmDisplaced, by: actor)
        } catch let error as RoadmapError {
            throw context.lift(error.refusal, as: UpdateRefusal.self)
        } catch {
            throw context.lift(error, as: UpdateRefusal.self)
        }
    }

    /// What `update` refuses with: the Roadmap module's rules, then the
    /// confirmation of what it displaces.
    public typealias UpdateRefusal = Refusals<RoadmapError.Code, RoadmapChangeCode>

    private func change(item id: String, update: RoadmapUpdate, dryRun: Bool, confirmDisplaced: Int?,
                        by actor: Actor) async throws -> RoadmapChange {
        if dryRun {
            let item = try schedule.applying(update, toItem: id)
            let deskPool = settings.center.desks.pool
            let (displaced, passes) = try await pool.read { db in
                (try Self.displacedBookings(db, by: item), try Self.displacedDeskPasses(db, by: item, deskPool: deskPool))
            }
            return RoadmapChange(dryRun: true, item: item, displaced: displaced, displacedDeskPasses: passes)
        }
        let state = context.roadmapState, center = settings.center
        let swapped = ScheduleSwap()
        do {
            return try await write(state: state, center: center, id: id, update: update, confirmDisplaced: confirmDisplaced,
                                   actor: actor, swapped: swapped)
        } catch {
            // The closure ran but the batch failed to commit: put the
            // schedule back unless a later change has already replaced it.
            if let swap = swapped.recorded, state.schedule == swap.to { state.set(swap.from) }
            throw error
        }
    }

    private func write(state: RoadmapState, center: CenterConfiguration, id: String, update: RoadmapUpdate,
                       confirmDisplaced: Int?, actor: Actor, swapped: ScheduleSwap) async throws -> RoadmapChange {
        try await pool.write { db in
            let now = clock.now()
            let current = state.schedule
            let before = current.item(id)
            let item = try current.applying(update, toItem: id)
            let updated = current.replacing(item)
            try updated.validate(facilityIDs: Set(center.facilities.map(\.id.rawValue)))
            let preview = RoadmapChange(dryRun: true, item: item, displaced: try Self.displacedBookings(db, by: item),
                                        displacedDeskPasses: try Self.displacedDeskPasses(db, by: item, deskPool: center.desks.pool))
            guard preview.displacedCount == (confirmDisplaced ?? 0) else {
                throw Refusal.unconfirmed(preview, confirmed: confirmDisplaced)
            }
            let cancelled = try Bookings.cancelForCenter(db, bookings: preview.displaced.map(\.id),
                                                     reason: "works: roadmap item \(id)", center: center,
                                                     actor: actor.auditLabel, now: now)
            var passes: [DeskPass] = []
            if item.status != .cancelled {
                for closure in item.closures {
                    passes += try Desks.cancelPassesClosed(db, from: closure.from, to: closure.to,
                                                              facilities: closure.facilities, deskPool: center.desks.pool,
                                                              reason: "works: roadmap item \(id)", actor: actor.auditLabel, now: now)
                }
            }
            try db.run("""
                INSERT INTO roadmap_items (id, item, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET item = excluded.item, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """, [.text(id), .text(try JSONCodec.text(of: item)),
                      now.sqlValue, .text(actor.auditLabel)])
            try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "roadmap.item.update", entity: "roadmap_item",
                                entityID: id, before: before, after: item)
            // Inside the single writer: the next write (a booking) already
            // sees the new closures. If COMMIT fails, the caller restores.
            state.set(updated)
            swapped.record(from: current, to: updated)
            return RoadmapChange(dryRun: false, item: item, displaced: cancelled, displacedDeskPasses: passes)
        }
    }

    /// The live desk passes on days `item`'s closures shut the desk pool.
    static func displacedDeskPasses(_ db: Database, by item: RoadmapItem, deskPool: FacilityID) throws -> [DeskPass] {
        guard item.status != .cancelled else { return [] }
        var passes: [DeskPass] = []
        var seen: Set<Int64> = []
        for closure in item.closures where closure.facilities.isEmpty || closure.facilities.contains(deskPool.rawValue) {
            let hit = try db.query("""
                SELECT \(DeskPass.columns) FROM desk_passes WHERE state IN ('booked', 'checked_in') AND date BETWEEN ? AND ?
                ORDER BY id
                """, [closure.from.sqlValue, closure.to.sqlValue]).map(DeskPass.init(row:))
            passes += hit.filter { seen.insert($0.id).inserted }
        }
        return passes.sorted { $0.id < $1.id }
    }

    /// The live bookings with a unit inside one of `item`'s closure windows
    /// on a facility it closes (every facility when a closure names none)
    /// that the center may still cancel (a booking in use is left alone).
    static func displacedBookings(_ db: Database, by item: RoadmapItem) throws -> [Booking] {
        guard item.status != .cancelled else { return [] }
        var ids: [Int64] = []
        for closure in item.closures {
            let hit = try BookingLedger.liveBookingIDs(db, from: closure.from, to: closure.to,
                                                       facilities: closure.facilities.map { FacilityID($0) })
            ids += hit.filter { !ids.contains($0) }
        }
        return try ids.sorted().map { try Booking.load(db, id: $0) }.filter { $0.state.successors.contains(.cancelledByCenter) }
    }
}

/// The schedule a planner update swapped in, kept so a failed COMMIT can put
/// the previous one back.
final class ScheduleSwap: Sendable {
    private let value = Mutex<(from: RoadmapSchedule, to: RoadmapSchedule)?>(nil)

    var recorded: (from: RoadmapSchedule, to: RoadmapSchedule)? { value.withLock { $0 } }

    func record(from: RoadmapSchedule, to: RoadmapSchedule) { value.withLock { $0 = (from, to) } }
}
