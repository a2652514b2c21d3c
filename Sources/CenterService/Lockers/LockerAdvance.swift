import CenterDomain

/// What one run of the locker timer did (`Lockers.advance(now:)`).
public struct LockerAdvance: Sendable, Hashable {
    public var expiredOffers: [Int64] = []
    public var endedLeases: [Int64] = []
    /// Each reminder written now.
    public var reminders: [LockerReminder] = []
    /// Founder leases whose corporate number became overdue now (written once each).
    public var overdueCorporateNumbers: [Int64] = []
    public var newOffers: [Int64] = []
}
