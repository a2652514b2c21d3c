import CalendarValues

/// Making and withdrawing entries, and the first-come bookings a round holds
/// back (docs/DOMAIN.md "Lottery rounds (抽選)").
extension LotteryRound {
    /// Checks a new entry by a registration of `category` for `facility` on
    /// `date` in `divisions`, made at `now`; `held` are the registration's
    /// live entries in the round for that month. Returns the divisions in the
    /// facility's day order without repeats. Refuses, in this order:
    /// `lottery_not_held` (the facility is not drawn in this round),
    /// `lottery_category_not_permitted`, `lottery_entry_not_open` /
    /// `lottery_entry_closed` (outside the entry period), `divisions_required`
    /// and `division_not_offered` (422), `facility_closed` (a closed day),
    /// `lottery_entry_duplicate` (a slot it already entered for),
    /// `lottery_entry_limit_reached`.
    public func checkEntry(category: UserCategory, facility: Facility, date: LocalDate, divisions: [DivisionID],
                           now: Instant, held: [LotteryEntry], isClosed: (LocalDate) -> Bool) throws(Refusal<LotteryRound.EntryCode>) -> [DivisionID] {
        guard includes(facility.id) else {
            throw Refusal(.lotteryNotHeld, "\(facility.nameEn) is not drawn in the \(nameEn) lottery.",
                          details: ["round": id, "facility": facility.id.rawValue])
        }
        guard participants.contains(category) else {
            throw Refusal(.lotteryCategoryNotPermitted,
                          "The \(category.rawValue) category does not enter the \(nameEn) lottery.",
                          details: ["round": id, "category": category.rawValue])
        }
        let schedule = schedule(for: date.yearMonth)
        let details = ["round": id, "month": date.yearMonth.description,
                       "entry_opens": schedule.entryOpens.rfc3339, "entry_closes": schedule.entryCloses.rfc3339]
        switch schedule.phase(at: now) {
        case .notOpen:
            throw Refusal(.lotteryEntryNotOpen,
                          "Entries for \(date.yearMonth) open at \(schedule.entryOpens.rfc3339).", details: details)
        case .entry:
            break
        case .closed, .drawn, .firstCome:
            throw Refusal(.lotteryEntryClosed,
                          "Entries for \(date.yearMonth) closed at \(schedule.entryCloses.rfc3339).", details: details)
        }
        guard !divisions.isEmpty else {
            throw Refusal(.divisionsRequired, "At least one division must be asked for.")
        }
        if let unknown = divisions.first(where: { !facility.divisions.contains($0) }) {
            throw Refusal(.divisionNotOffered, "\(facility.id) is not booked in division \(TextRule.echo(unknown.rawValue)).",
                          details: ["facility": facility.id.rawValue, "division": unknown.rawValue])
        }
        if isClosed(date) {
            throw Refusal(.facilityClosed, "The center is closed on \(date).", details: ["date": date.description])
        }
        let asked = facility.divisions.filter(divisions.contains)
        let slots = Set(asked.map { DivisionSlot(facility: facility.id, date: date, division: $0) })
        if let same = held.first(where: { !slots.isDisjoint(with: $0.slots) }) {
            throw Refusal(.lotteryEntryDuplicate,
                          "This registration already entered for \(facility.id) on \(date) (entry \(same.id)).",
                          details: ["round": id, "entry": same.id, "date": date.description])
        }
        guard held.count < maxEntriesPerRegistration else {
            throw Refusal(.lotteryEntryLimitReached,
                          "A registration may hold at most \(maxEntriesPerRegistration) entries in this round.",
                          details: ["round": id, "month": date.yearMonth.description,
                                    "limit": String(maxEntriesPerRegistration), "entries": String(held.count)])
        }
        return asked
    }

    /// Refuses `lottery_entry_closed` when an entry for `useMonth` can
    /// no longer be withdrawn at `now`: only during the entry period.
    public func checkWithdrawal(useMonth: YearMonth, now: Instant) throws(Refusal<LotteryRound.WithdrawalCode>) {
        let schedule = schedule(for: useMonth)
        guard schedule.phase(at: now) == .entry else {
            throw Refusal(.lotteryEntryClosed,
                          "Entries for \(useMonth) can be withdrawn only until \(schedule.entryCloses.rfc3339).",
                          details: ["round": id, "month": useMonth.description,
                                    "entry_closes": schedule.entryCloses.rfc3339])
        }
    }

    /// Refuses `lottery_pending` when a participant would book one of the
    /// round's facilities first come before the round for that month has
    /// opened its unwon slots (details: `round`, `entry_opens`,
    /// `entry_closes`, `first_come_opens`). Other categories are not held
    /// back: the ward's own use and community groups keep their windows.
    public func checkFirstCome(category: UserCategory, facility: FacilityID, useDate: LocalDate, now: Instant) throws(Refusal<LotteryRound.FirstComeCode>) {
        guard includes(facility), participants.contains(category) else { return }
        let schedule = schedule(for: useDate.yearMonth)
        guard now >= schedule.firstComeOpens else {
            throw Refusal(.lotteryPending,
                          "\(facility) for \(useDate.yearMonth) is allotted by lottery; first-come booking opens at \(schedule.firstComeOpens.rfc3339).",
                          details: ["round": id, "month": useDate.yearMonth.description,
                                    "entry_opens": schedule.entryOpens.rfc3339, "entry_closes": schedule.entryCloses.rfc3339,
                                    "first_come_opens": schedule.firstComeOpens.rfc3339])
        }
    }
}

extension LotteryRound {
    /// What an entry is refused with.
    public enum EntryCode: String, ErrorCode {
        case lotteryNotHeld = "lottery_not_held"
        case lotteryCategoryNotPermitted = "lottery_category_not_permitted"
        case lotteryEntryNotOpen = "lottery_entry_not_open"
        case lotteryEntryClosed = "lottery_entry_closed"
        case divisionsRequired = "divisions_required"
        case divisionNotOffered = "division_not_offered"
        case facilityClosed = "facility_closed"
        case lotteryEntryDuplicate = "lottery_entry_duplicate"
        case lotteryEntryLimitReached = "lottery_entry_limit_reached"
    }

    /// What withdrawing an entry after the entry period is refused with.
    public enum WithdrawalCode: String, ErrorCode {
        case lotteryEntryClosed = "lottery_entry_closed"
    }

    /// What a first-come booking of a lottery slot is refused with before the round opens it.
    public enum FirstComeCode: String, ErrorCode {
        case lotteryPending = "lottery_pending"
    }
}
