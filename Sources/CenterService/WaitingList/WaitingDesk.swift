import CalendarValues
import CenterDomain
internal import Store

/// Moves waiting lines inside the caller's write transaction: offers a slot
/// that has come free to the next in its chain (a cancellation, a lapse, a
/// no-show), expires offers past their deadline and closes the lines whose
/// last waiting day has passed, each step audited. Every path that frees
/// units calls `slotsFreed`; the waiting-list timer calls `advance` for the
/// deadlines and for any freed slot not yet offered.
struct WaitingDesk {
    let db: Database
    let rules: WaitingListRules
    let calendar: CenterCalendar
    let now: Instant
    let actor: String
    /// Where a drawn line's seed comes from.
    let seeds: any SeedSource

    /// The lines of `booking`'s units, freed just now. Only the units whose
    /// line has a live entry are stepped (a line without one does nothing),
    /// found with one read of the room's live entries on the booking's dates:
    /// most cancellations free slots nobody waits for.
    func slotsFreed(booking: some StoredBooking) throws {
        let dates = booking.dates
        guard let first = dates.first, let last = dates.last else { return }
        let waited = try WaitingLineStore.liveUnits(db, facility: booking.facility, from: first, to: last)
        guard !waited.isEmpty else { return }
        for date in dates {
            for division in booking.divisions where waited.contains(DivisionSlot(facility: booking.facility, date: date, division: division)) {
                try step(DivisionSlot(facility: booking.facility, date: date, division: division))
            }
        }
    }

    /// Every live line, as the timer sees it at `now`; returns the offers made.
    @discardableResult
    func advance() throws -> [WaitingOfferMade] {
        var offers: [WaitingOfferMade] = []
        for slot in try WaitingLineStore.liveSlots(db) { offers += try step(slot) }
        return offers
    }

    /// One line's step: an offer past its deadline expires and passes on;
    /// a free, open slot with nobody offered is offered to the chain; past
    /// the last waiting day the waiting close. A slot closed that day is not
    /// offered (nobody could book it).
    @discardableResult
    func step(_ slot: DivisionSlot) throws -> [WaitingOfferMade] {
        let before = try WaitingLineStore.load(db, slot: slot)
        guard before.places.contains(where: \.status.isLive) else { return [] }
        var line = before
        var result = line.tick(at: now, rules: rules)
        if line.offer == nil, rules.isOpen(for: slot.date, at: now),
           line.places.contains(where: { $0.status == .waiting }),
           try !BookingLedger.isLive(db, facility: slot.facility, date: slot.date, division: slot.division),
           try !BookableCalendar.load(db, calendar: calendar, from: slot.date, to: slot.date).isClosed(slot.date, facility: slot.facility) {
            do {
                result = try line.slotFreed(at: now, rules: rules, seed: seeds.next())
            } catch {
                throw StoreError(code: .typeMismatch, resultCode: 20, message: "the waiting line of \(slot) refused a seed: \(error.message)")
            }
        }
        try WaitingLineStore.save(db, line, before: before)
        try audit(line, before: before)
        if case .offered(let entry, let deadline) = result, let id = Int64(entry.id) {
            return [WaitingOfferMade(entry: id, slot: slot, deadline: deadline)]
        }
        return []
    }

    /// An audit line per entry whose state changed.
    func audit(_ line: WaitingLine, before: WaitingLine) throws {
        let old = Dictionary(uniqueKeysWithValues: before.places.map { ($0.entry.id, $0.status) })
        for place in line.places where old[place.entry.id] != place.status {
            var after: [String: String] = ["slot": line.slot.description, "state": place.status.name]
            if case .offered(_, let deadline) = place.status { after["deadline"] = deadline.rfc3339 }
            if let seed = line.chainSeed, !line.chain.isEmpty {
                after["chain"] = line.chain.joined(separator: ",")
                after["chain_seed"] = seed.hex
            }
            try AuditLog.append(db, at: now, actor: actor, action: "waiting_list.\(place.status.name)", entity: "waiting_entry",
                                entityID: place.entry.id, before: ["state": old[place.entry.id]?.name ?? ""], after: after)
        }
    }
}

/// An offer the timer made: to whom, of which slot, until when.
public struct WaitingOfferMade: Sendable, Hashable {
    public let entry: Int64
    public let slot: DivisionSlot
    public let deadline: Instant
}
