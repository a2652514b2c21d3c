import CalendarValues

/// The waiting line of one taken slot and its offer chain (キャンセル待ちの繰上げ),
/// as a pure state machine. When the slot frees, the chain is fixed:
/// the waiting in order of application, or drawn (`WaitingListRules.Order`);
/// whoever joins later goes to its end in order of application. The first
/// still waiting in the chain is offered the slot with a deadline; a decline,
/// an expiry or a withdrawal passes the offer to the next; an acceptance
/// books the slot for that registration through every booking rule (a
/// refusal there is passed on as a decline). When nobody is left, or waiting
/// has closed, the slot is released to first-come booking.
/// docs/DOMAIN.md "Cancellation waiting list (キャンセル待ち)".
public struct WaitingLine: Hashable, Sendable {
    /// Where an entry stands.
    public enum Status: Hashable, Sendable {
        case waiting
        case offered(at: Instant, deadline: Instant)
        case accepted(at: Instant)
        case declined(at: Instant)
        case expired(at: Instant)
        case withdrawn(at: Instant)
        /// Waiting closed before the slot reached it.
        case closed(at: Instant)

        /// Waiting or offered: counts toward the monthly cap.
        public var isLive: Bool {
            switch self {
            case .waiting, .offered: true
            case .accepted, .declined, .expired, .withdrawn, .closed: false
            }
        }

        /// Holds the slot's running offer: one place at most in a line.
        public var isOffered: Bool {
            if case .offered = self { true } else { false }
        }

        /// `waiting`, `offered`, `accepted`, …, as the API and the store write it.
        public var name: String {
            switch self {
            case .waiting: "waiting"
            case .offered: "offered"
            case .accepted: "accepted"
            case .declined: "declined"
            case .expired: "expired"
            case .withdrawn: "withdrawn"
            case .closed: "closed"
            }
        }
    }

    /// One entry and its status.
    public struct Place: Hashable, Sendable {
        public let entry: WaitingEntry
        public var status: Status

        public init(entry: WaitingEntry, status: Status = .waiting) {
            self.entry = entry
            self.status = status
        }
    }

    /// What the service does after a step.
    public enum Step: Hashable, Sendable {
        /// Tell this registration it is offered the slot until `deadline`.
        case offered(WaitingEntry, deadline: Instant)
        /// Book the slot for this registration.
        case accepted(WaitingEntry)
        /// The slot goes back to first-come booking.
        case released
        /// Nothing to do (an offer still runs, or the slot is held).
        case unchanged
    }

    public let slot: DivisionSlot
    /// In order of application.
    public private(set) var places: [Place]
    /// Entry ids in offer order since the slot last freed; empty while it is held.
    public private(set) var chain: [String]
    /// The seed that drew `chain` (the `draw` order), kept for the audit log.
    public private(set) var chainSeed: LotterySeed?

    /// A line of fresh entries, all waiting.
    public init(slot: DivisionSlot, entries: [WaitingEntry]) {
        self.init(slot: slot, places: entries.map { Place(entry: $0) }, chain: [], chainSeed: nil)
    }

    /// A line as stored.
    public init(slot: DivisionSlot, places: [Place], chain: [String], chainSeed: LotterySeed?) {
        self.slot = slot
        self.places = places.sorted { ($0.entry.appliedAt, $0.entry.id) < ($1.entry.appliedAt, $1.entry.id) }
        self.chain = chain
        self.chainSeed = chainSeed
    }

    /// The running offer, if any.
    public var offer: Place? {
        places.first { $0.status.isOffered }
    }

    /// Adds an entry that `WaitingListRules.checkJoin` accepted; while the
    /// slot is being offered it joins the end of the chain.
    public mutating func join(_ entry: WaitingEntry) {
        places.append(Place(entry: entry))
        if !chain.isEmpty { chain.append(entry.id) }
    }

    /// The slot was freed at `now` (a cancellation, a lapse, a no-show
    /// release): fixes the chain and offers it to the first in it. In the
    /// `draw` order `seed` (fresh, from the service) orders the waiting;
    /// without it the step refuses `lottery_seed_missing`.
    public mutating func slotFreed(at now: Instant, rules: WaitingListRules, seed: LotterySeed?) throws(Refusal<WaitingLine.Code>) -> Step {
        let waiting = places.filter { $0.status == .waiting }.map(\.entry)
        switch rules.order {
        case .firstInLine:
            chain = waiting.map(\.id)
            chainSeed = nil
        case .draw:
            guard let seed else {
                throw Refusal(.waitingSeedMissing, "Drawing among the waiting needs a seed.",
                              details: ["facility": slot.facility.rawValue, "date": slot.date.description])
            }
            chain = waiting.sorted { (seed.orderKey(entryID: $0.id), $0.id) < (seed.orderKey(entryID: $1.id), $1.id) }.map(\.id)
            chainSeed = seed
        }
        return offerNext(at: now, rules: rules)
    }

    /// The offered registration accepts before its deadline. Refuses
    /// `offer_not_found` when `entryID` holds no running offer and
    /// `offer_expired` after the deadline.
    public mutating func accept(_ entryID: String, at now: Instant) throws(Refusal<WaitingLine.Code>) -> Step {
        let index = try offeredIndex(entryID)
        guard case .offered(_, let deadline) = places[index].status, now <= deadline else {
            throw Refusal(.offerExpired, "The offer of \(slot) expired.", details: ["entry": entryID])
        }
        places[index].status = .accepted(at: now)
        chain = []
        chainSeed = nil
        return .accepted(places[index].entry)
    }

    /// The offered registration declines (or its booking was refused): the
    /// offer passes on. Refuses `offer_not_found`.
    public mutating func decline(_ entryID: String, at now: Instant, rules: WaitingListRules) throws(Refusal<WaitingLine.Code>) -> Step {
        let index = try offeredIndex(entryID)
        places[index].status = .declined(at: now)
        return offerNext(at: now, rules: rules)
    }

    /// The timer: a running offer past its deadline expires and passes on;
    /// after the last waiting day every entry still waiting is closed.
    public mutating func tick(at now: Instant, rules: WaitingListRules) -> Step {
        if let index = places.firstIndex(where: { if case .offered(_, let deadline) = $0.status { now > deadline } else { false } }) {
            places[index].status = .expired(at: now)
            return offerNext(at: now, rules: rules)
        }
        if !rules.isOpen(for: slot.date, at: now) { closeWaiting(at: now) }
        return .unchanged
    }

    /// The registration leaves the line; a running offer passes on. Refuses
    /// `waiting_entry_not_found` unless the entry is waiting or offered.
    public mutating func withdraw(_ entryID: String, at now: Instant, rules: WaitingListRules) throws(Refusal<WaitingLine.Code>) -> Step {
        guard let index = places.firstIndex(where: { $0.entry.id == entryID && $0.status.isLive }) else {
            throw Refusal(.waitingEntryNotFound, "No live waiting entry has the id \(TextRule.echo(entryID)).",
                          details: ["entry": entryID])
        }
        let wasOffered = places[index].status != .waiting
        places[index].status = .withdrawn(at: now)
        return wasOffered ? offerNext(at: now, rules: rules) : .unchanged
    }

    private func offeredIndex(_ entryID: String) throws(Refusal<WaitingLine.Code>) -> Int {
        guard let index = places.firstIndex(where: { $0.entry.id == entryID }),
              case .offered = places[index].status else {
            throw Refusal(.offerNotFound, "Entry \(TextRule.echo(entryID)) holds no offer of \(slot).",
                          details: ["entry": entryID])
        }
        return index
    }

    /// Offers the slot to the first still waiting in the chain, or releases it.
    private mutating func offerNext(at now: Instant, rules: WaitingListRules) -> Step {
        guard rules.isOpen(for: slot.date, at: now) else {
            closeWaiting(at: now)
            return .released
        }
        for id in chain {
            guard let index = places.firstIndex(where: { $0.entry.id == id }), places[index].status == .waiting else { continue }
            let deadline = rules.offerDeadline(offeredAt: now, useDate: slot.date)
            places[index].status = .offered(at: now, deadline: deadline)
            return .offered(places[index].entry, deadline: deadline)
        }
        chain = []
        chainSeed = nil
        return .released
    }

    private mutating func closeWaiting(at now: Instant) {
        for index in places.indices where places[index].status == .waiting { places[index].status = .closed(at: now) }
        chain = []
        chainSeed = nil
    }
}

extension WaitingLine {
    /// What a step of the offer chain is refused with.
    public enum Code: String, ErrorCode {
        case waitingSeedMissing = "lottery_seed_missing"
        case offerNotFound = "offer_not_found"
        case offerExpired = "offer_expired"
        case waitingEntryNotFound = "waiting_entry_not_found"
    }
}
