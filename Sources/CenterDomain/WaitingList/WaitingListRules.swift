import CalendarValues

/// The cancellation waiting list for rooms (キャンセル待ち, `waiting_list`
/// in Config/center.json): a registration may wait for a taken room slot;
/// when the slot frees it is offered to one waiting registration, who has a
/// time to confirm. Desks keep first come.
///
/// Source (values are placeholders): Ota うぐいすネット takes 2 waiting
/// entries a month; after a cancellation one waiting applicant, chosen at
/// random, is told the next morning and has about 2 days to confirm; waiting
/// closes 6 days before use. docs/DOMAIN.md "Cancellation waiting list (キャンセル待ち)".
public struct WaitingListRules: Hashable, Sendable, Codable {
    /// Who of the waiting is offered a freed slot first.
    public enum Order: String, Hashable, Sendable, Codable {
        /// In order of application (申込順).
        case firstInLine = "first_in_line"
        /// Drawn: the waiting ordered by `LotterySeed.orderKey` with a fresh seed (Ota's practice).
        case draw
    }

    /// Where the values come from (`_comment`).
    public var comment: String?
    /// Live entries (waiting or offered) a registration may hold for use dates of one month.
    public var maxEntriesPerMonth: Int
    public var order: Order
    /// How long an offer is held for confirmation.
    public var offerHoldHours: Int
    /// Waiting (joining and offers) ends this many days before use.
    public var closesDaysBefore: Int

    public init(comment: String? = nil, maxEntriesPerMonth: Int = 2, order: Order = .draw, offerHoldHours: Int = 48,
                closesDaysBefore: Int = 6) {
        self.comment = comment
        self.maxEntriesPerMonth = maxEntriesPerMonth
        self.order = order
        self.offerHoldHours = offerHoldHours
        self.closesDaysBefore = closesDaysBefore
    }

    enum CodingKeys: String, CodingKey {
        case comment = "_comment", maxEntriesPerMonth = "max_entries_per_month", order
        case offerHoldHours = "offer_hold_hours", closesDaysBefore = "closes_days_before"
    }

    /// The last day on which a registration may join, or be offered, `useDate`.
    public func lastWaitingDay(for useDate: LocalDate) -> LocalDate { useDate.adding(days: -closesDaysBefore) }

    /// Whether waiting for `useDate` is still open at `now` (by its date in Japan).
    public func isOpen(for useDate: LocalDate, at now: Instant) -> Bool { now.japanDate <= lastWaitingDay(for: useDate) }

    /// An offer made at `offeredAt` is held for `offerHoldHours`, and never
    /// past the end of the day before use.
    public func offerDeadline(offeredAt: Instant, useDate: LocalDate) -> Instant {
        min(offeredAt.adding(seconds: Int64(offerHoldHours) * 3600), Instant(japanDate: useDate).adding(seconds: -1))
    }

    /// Checks that `registration` may wait for `slot` at `now`. `holder` is
    /// the registration holding the slot (nil: none), `line` the slot's live
    /// entries, `held` the registration's live entries for the slot's month.
    /// A slot nobody holds whose line is live is not free: it is held for
    /// its line (being offered, or about to be), so a newcomer joins the
    /// line at its end rather than being told to book what no one may book.
    /// The registration's status and its category's window are the booking
    /// rules' to check first. Refuses `waiting_list_not_offered` for anything
    /// but a room (desks keep first come), `waiting_list_closed` after the
    /// last waiting day, `waiting_slot_free` (book it instead),
    /// `waiting_own_slot`, `already_waiting` and `waiting_limit_reached`.
    public func checkJoin(facility: Facility, slot: DivisionSlot, registration: String, now: Instant, holder: String?,
                          line: [WaitingEntry], held: [WaitingEntry]) throws(Refusal<WaitingListRules.Code>) {
        guard facility.kind == .room, facility.bookable else {
            throw Refusal(.waitingListNotOffered,
                          "\(facility.nameEn) has no waiting list: it is booked first come.",
                          details: ["facility": facility.id.rawValue])
        }
        let last = lastWaitingDay(for: slot.date)
        guard isOpen(for: slot.date, at: now) else {
            throw Refusal(.waitingListClosed,
                          "Waiting for \(slot.date) closed on \(last), \(closesDaysBefore) days before use.",
                          details: ["date": slot.date.description, "last_waiting_day": last.description])
        }
        guard holder != nil || !line.isEmpty else {
            throw Refusal(.waitingSlotFree, "\(slot) is free: book it instead of waiting.",
                          details: ["facility": slot.facility.rawValue, "date": slot.date.description, "division": slot.division.rawValue])
        }
        guard holder != registration else {
            throw Refusal(.waitingOwnSlot, "This registration already holds \(slot).",
                          details: ["facility": slot.facility.rawValue, "date": slot.date.description, "division": slot.division.rawValue])
        }
        if let same = line.first(where: { $0.registration == registration }) {
            throw Refusal(.alreadyWaiting, "This registration already waits for \(slot) (entry \(same.id)).",
                          details: ["entry": same.id])
        }
        let month = slot.date.yearMonth
        let count = held.filter { $0.slot.date.yearMonth == month }.count
        guard count < maxEntriesPerMonth else {
            throw Refusal(.waitingLimitReached,
                          "A registration may wait for at most \(maxEntriesPerMonth) slots of \(month).",
                          details: ["month": month.description, "limit": String(maxEntriesPerMonth), "entries": String(count)])
        }
    }
}

/// One registration waiting for one slot, since `appliedAt`.
public struct WaitingEntry: Hashable, Sendable, Codable {
    public let id: String
    public let registration: String
    public let slot: DivisionSlot
    public let appliedAt: Instant

    public init(id: String, registration: String, slot: DivisionSlot, appliedAt: Instant) {
        self.id = id
        self.registration = registration
        self.slot = slot
        self.appliedAt = appliedAt
    }

    enum CodingKeys: String, CodingKey { case id, registration, slot, appliedAt = "applied_at" }
}

extension WaitingListRules {
    /// What joining a waiting list is refused with.
    public enum Code: String, ErrorCode {
        case waitingListNotOffered = "waiting_list_not_offered"
        case waitingListClosed = "waiting_list_closed"
        case waitingSlotFree = "waiting_slot_free"
        case waitingOwnSlot = "waiting_own_slot"
        case alreadyWaiting = "already_waiting"
        case waitingLimitReached = "waiting_limit_reached"
    }
}
