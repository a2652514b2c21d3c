import CalendarValues
import CenterDomain

/// What cancelling a booking now would mean (取消しの確認): the refund of
/// `RefundSchedule` on what was paid, and whether a user's cancellation
/// this late earns penalty points. `cancel` applies the same rules.
public struct CancelQuote: Sendable, Hashable {
    public let booking: Booking
    /// Paid so far: the refund is a share of it.
    public let paid: Int
    public let refundPercent: Int
    public let refundAmount: Int
    /// Days from today to the first day of use.
    public let daysBefore: Int
    /// Penalty points a user's cancellation would earn (0 when none).
    public let penaltyPoints: Int
}

extension Bookings {
    /// What cancelling booking `id` today would refund, by the user or by the
    /// center; a member asks only of its own. Changes nothing.
    public func cancelQuote(booking id: Int64, byCenter: Bool,
                            for actor: Actor) async throws(ServiceError<BookingLookupCode>) -> CancelQuote {
        let booking = try await self.booking(id: id, for: actor)
        let center = settings.center
        let today = context.today
        let canceller: Canceller = byCenter ? .center : .user
        let paid = booking.paidAt == nil ? 0 : booking.feeTotal
        let refund = center.refunds.refund(paid: paid, cancelledOn: today, useDate: booking.firstDate, by: canceller)
        let late = canceller == .user && center.penalties.isLateCancel(cancelledOn: today, useDate: booking.firstDate)
        return CancelQuote(booking: booking, paid: paid, refundPercent: refund.percent, refundAmount: refund.amount,
                           daysBefore: refund.daysBefore, penaltyPoints: late ? center.penalties.points(for: .lateCancel) : 0)
    }
}
