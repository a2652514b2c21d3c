/// The mobile lockers usable as a registered address (法人登記用ロッカー).
///
/// Configurable defaults (the renovation plan; terms follow comparable public
/// incubators such as the Tokyo SME agency's, max 5 years): 30 lockers,
/// minimum 6 months, yearly renewal, at most 60 months in total, a founder
/// supplies the corporate number within 3 months, waitlist offers held 7 days,
/// a locker is not re-let for 60 days after a lease ends unless the address
/// move (本店移転登記) is confirmed, reminders 60 and 30 days before the end.
public struct LockerConfiguration: Hashable, Sendable, Codable {
    /// The catalogue facility (kind locker) that stands for the set.
    public var pool: FacilityID
    public var count: Int
    public var ids: [FacilityID]
    /// Monthly fee in yen (placeholder).
    public var monthlyFee: Int
    public var minimumMonths: Int
    public var renewalMonths: Int
    public var maxTotalMonths: Int
    public var founderNumberDeadlineMonths: Int
    public var offerHoldDays: Int
    public var coolingOffDays: Int
    public var reminderDays: [Int]

    enum CodingKeys: String, CodingKey {
        case pool, count, ids, monthlyFee = "monthly_fee", minimumMonths = "minimum_months"
        case renewalMonths = "renewal_months", maxTotalMonths = "max_total_months"
        case founderNumberDeadlineMonths = "founder_number_deadline_months", offerHoldDays = "offer_hold_days"
        case coolingOffDays = "cooling_off_days", reminderDays = "reminder_days"
    }
}
