import CalendarValues

/// A payment taken for a booking (支払・入金): yen received, how, by whom, when.
public struct Payment: Hashable, Sendable {
    /// Yen, more than 0.
    public let amount: Int
    public let method: PaymentMethod
    /// The staff member who took it (their account name).
    public let takenBy: String
    public let at: Instant

    public init(amount: Int, method: PaymentMethod, takenBy: String, at: Instant) {
        self.amount = amount
        self.method = method
        self.takenBy = takenBy
        self.at = at
    }
}

/// A refund decided for a booking (還付決定): the amount owed back, computed
/// by `RefundSchedule` (or `PartialClosure`) when the booking or some of its
/// days are cancelled. It is paid out later (`RefundPayout`).
public struct RefundDue: Hashable, Sendable {
    /// Yen, more than 0.
    public let amount: Int
    /// The percent of the schedule it was computed at (100 for the center's cancellations).
    public let percent: Int
    public let decidedAt: Instant

    public init(amount: Int, percent: Int, decidedAt: Instant) {
        self.amount = amount
        self.percent = percent
        self.decidedAt = decidedAt
    }

    /// The refund `RefundSchedule.refund` computed.
    public init(_ refund: RefundSchedule.Refund, decidedAt: Instant) {
        self.init(amount: refund.amount, percent: refund.percent, decidedAt: decidedAt)
    }
}

/// A refund paid out (還付金の支払): yen handed back, how, by whom, when.
public struct RefundPayout: Hashable, Sendable {
    /// Yen, more than 0.
    public let amount: Int
    public let method: PaymentMethod
    /// The staff member who paid it out.
    public let paidBy: String
    public let at: Instant

    public init(amount: Int, method: PaymentMethod, paidBy: String, at: Instant) {
        self.amount = amount
        self.method = method
        self.paidBy = paidBy
        self.at = at
    }
}
