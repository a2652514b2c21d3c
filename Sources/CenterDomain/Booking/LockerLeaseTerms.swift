import CalendarValues

/// The lease terms of a mobile locker usable as a registered address (法人登記用ロッカー).
///
/// Configurable defaults (the renovation plan; comparable public incubators,
/// e.g. the Tokyo SME agency's 5-year maximum): a new lease runs at least
/// 6 months; it renews by 12 months (the last renewal only up to the limit)
/// up to 60 months in total; a founder supplies the corporate number within
/// 3 months of the start; a waitlist offer is held 7 days; reminders go out
/// 60 and 30 days before the end; after the end the locker is re-let once the
/// registered-address move (本店移転登記) is confirmed or 60 days have passed.
/// Terms are counted in whole months from the lease start.
public struct LockerLeaseTerms: Hashable, Sendable {
    public var minimumMonths: Int
    public var renewalMonths: Int
    public var maxTotalMonths: Int
    public var founderNumberDeadlineMonths: Int
    public var offerHoldDays: Int
    public var coolingOffDays: Int
    public var reminderDays: [Int]

    public init(minimumMonths: Int = 6, renewalMonths: Int = 12, maxTotalMonths: Int = 60, founderNumberDeadlineMonths: Int = 3,
                offerHoldDays: Int = 7, coolingOffDays: Int = 60, reminderDays: [Int] = [60, 30]) {
        self.minimumMonths = minimumMonths
        self.renewalMonths = renewalMonths
        self.maxTotalMonths = maxTotalMonths
        self.founderNumberDeadlineMonths = founderNumberDeadlineMonths
        self.offerHoldDays = offerHoldDays
        self.coolingOffDays = coolingOffDays
        self.reminderDays = reminderDays
    }

    public init(_ configuration: LockerConfiguration) {
        self.init(minimumMonths: configuration.minimumMonths, renewalMonths: configuration.renewalMonths,
                  maxTotalMonths: configuration.maxTotalMonths,
                  founderNumberDeadlineMonths: configuration.founderNumberDeadlineMonths,
                  offerHoldDays: configuration.offerHoldDays, coolingOffDays: configuration.coolingOffDays,
                  reminderDays: configuration.reminderDays)
    }

    /// The last day of a lease that started on `start` and has run `months` months.
    public func endDate(start: LocalDate, months: Int) -> LocalDate {
        start.adding(months: months).adding(days: -1)
    }

    /// Refuses a new term shorter than the minimum (`lease_term_too_short`) or
    /// longer than the total limit (`lease_term_too_long`).
    public func checkNewTerm(months: Int) throws(Refusal<LockerLeaseTerms.Code>) {
        guard months >= minimumMonths else {
            throw Refusal(.leaseTermTooShort, "A locker lease runs at least \(minimumMonths) months.",
                          details: ["months": String(months), "minimum_months": String(minimumMonths)])
        }
        guard months <= maxTotalMonths else {
            throw Refusal(.leaseTermTooLong, "A locker lease runs at most \(maxTotalMonths) months.",
                          details: ["months": String(months), "max_total_months": String(maxTotalMonths)])
        }
    }

    /// The renewal of a lease that started on `start` and has run `monthsSoFar`:
    /// `renewalMonths` more, or what is left of the limit; `lease_limit_reached`
    /// when nothing is left (details: `max_end`).
    public func renewal(start: LocalDate, monthsSoFar: Int) throws(Refusal<LockerLeaseTerms.Code>) -> (months: Int, end: LocalDate) {
        let added = min(renewalMonths, maxTotalMonths - monthsSoFar)
        guard added > 0 else {
            throw Refusal(.leaseLimitReached, "A locker may be leased for at most \(maxTotalMonths) months in total.",
                          details: ["max_end": endDate(start: start, months: maxTotalMonths).description])
        }
        let total = monthsSoFar + added
        return (total, endDate(start: start, months: total))
    }

    /// The day by which a founder must supply the corporate number.
    public func corporateNumberDue(leaseStart: LocalDate) -> LocalDate {
        leaseStart.adding(months: founderNumberDeadlineMonths).adding(days: -1)
    }

    /// The last day a waitlist offer made on `offeredOn` may be accepted.
    public func offerExpires(offeredOn: LocalDate) -> LocalDate { offeredOn.adding(days: offerHoldDays) }

    /// Reminder dates before a lease ending on `end`, earliest first.
    public func reminderDates(end: LocalDate) -> [LocalDate] {
        reminderDays.map { end.adding(days: -$0) }.sorted()
    }

    /// The first day the locker may be let again: the day after the address move
    /// is confirmed, or `coolingOffDays` after the end, whichever is first, and
    /// never before the day after the end.
    public func relettableFrom(end: LocalDate, moveConfirmedOn: LocalDate?) -> LocalDate {
        let latest = end.adding(days: coolingOffDays)
        let earliest = end.adding(days: 1)
        guard let confirmed = moveConfirmedOn else { return latest }
        return max(earliest, min(latest, confirmed.adding(days: 1)))
    }
}

extension LockerLeaseTerms {
    /// What a lease's term is refused with.
    public enum Code: String, ErrorCode {
        case leaseTermTooShort = "lease_term_too_short"
        case leaseTermTooLong = "lease_term_too_long"
        case leaseLimitReached = "lease_limit_reached"
    }
}
