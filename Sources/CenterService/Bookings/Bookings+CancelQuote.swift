import CalendarValues
import CenterDomain
internal import Store

/// What cancelling a booking now would mean (取消しの確認): its account as
/// the payments ledger has it, the refund of `RefundSchedule` on what the
/// ledger retains, and whether a user's cancellation this late earns
/// penalty points. `cancel` decides by the same terms
/// (`Bookings.cancellationTerms`).
public struct CancelQuote: Sendable, Hashable {
    public let booking: Booking
    /// Its payments, refunds and payouts so far.
    public let account: BookingAccount
    /// What the ledger retains (paid less refunded): the refund is a share of it.
    public let paid: Int
    public let refundPercent: Int
    public let refundAmount: Int
    /// Days from today to the first day still booked.
    public let daysBefore: Int
    /// Penalty points a user's cancellation would earn (0 when none).
    public let penaltyPoints: Int
}

extension Bookings {
    /// What cancelling booking `id` today would refund, by the user or by the
    /// center; a member asks only of its own. Changes nothing.
    public func cancelQuote(booking id: Int64, byCenter: Bool,
                            for actor: Actor) async throws(ServiceError<BookingLookupCode>) -> CancelQuote {
        try await context.run(BookingLookupCode.self) {
            let center = settings.center
            let today = context.today
            return try await pool.read { db in
                let booking = try Booking.load(db, id: id, for: actor)
                let account = try BookingAccount.load(db, booking: booking)
                let terms = Self.cancellationTerms(booking, ledger: account.ledger, by: byCenter ? Canceller.center : .user, today: today,
                                                   center: center)
                return CancelQuote(booking: booking, account: account, paid: account.ledger.retained,
                                   refundPercent: terms.refund.percent, refundAmount: terms.refund.amount,
                                   daysBefore: terms.refund.daysBefore,
                                   penaltyPoints: terms.isLate ? center.penalties.points(for: .lateCancel) : 0)
            }
        }
    }
}
