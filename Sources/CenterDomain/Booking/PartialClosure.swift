import CalendarValues

/// What a closure (臨時休館, works) does to a booking of several days
/// (複数日予約の一部休館): which days it hits, whether the booking is still
/// usable on the others, and the fee and refund either way.
///
/// The rules (the center's refund rule, `RefundSchedule`: a day the center
/// cancels is refunded at `center_cancel_percent`, 100% by default):
/// - a closure hits a day of the booking when it closes that day for the
///   booking's facility (a closure of no facility in particular closes the
///   whole center);
/// - the booking stays usable when at least one day it keeps is today or
///   later. Our decision: any such day counts, consecutive or not; the
///   consecutive-day limit (`ConsecutiveDays`) is a maximum that fewer days
///   never break, and whether a split event is still worth holding is the
///   holder's to judge;
/// - when it stays usable, only the days hit are cancelled by default
///   (`daysHit`): the fee becomes the kept days' fee plus the part of the
///   hit days' fee not refunded, and what was paid above that is refunded;
/// - the holder may instead cancel the whole booking (`whole`): every day
///   not yet past is cancelled on the center's account, and only days
///   already past (used) stay charged;
/// - when no kept day is today or later, the whole booking is cancelled
///   (`wholeRequired`).
///
/// Nothing already paid beyond the new fee is kept, and nothing is refunded
/// that was not paid: a provisional booking's fee is lowered instead.
public struct PartialClosure: Hashable, Sendable {
    /// The fee and the refund of one way of settling.
    public struct Settlement: Hashable, Sendable {
        /// The days still charged: the kept days, or on a whole cancellation
        /// the days already past.
        public let days: [LocalDate]
        /// Yen the booking charges afterwards.
        public let fee: Int
        /// Yen to refund of what was paid (0 when nothing was paid beyond `fee`).
        public let refund: Int
    }

    /// What staff do with the booking.
    public enum Outcome: String, Sendable, Hashable {
        /// The closure does not touch the booking.
        case unaffected
        /// Cancel the days hit, keep the rest (the holder may cancel all instead).
        case daysHit = "days_hit"
        /// Cancel the whole booking: nothing usable is left.
        case wholeRequired = "whole_required"
    }

    /// The booking's days the closure closes.
    public let hitDays: [LocalDate]
    /// The booking's other days.
    public let keptDays: [LocalDate]
    /// Kept days that are today or later.
    public let usableDays: [LocalDate]
    public let outcome: Outcome
    /// Cancelling the days hit; nil unless `outcome` is `daysHit`.
    public let daysHit: Settlement?
    /// Cancelling the whole booking (the holder's choice, or required); nil
    /// when the closure does not touch the booking.
    public let whole: Settlement?

    /// Assesses a booking of `facility` on `days` at `feePerDay` yen a day
    /// (the same divisions each day), of which `paid` yen is held, against a
    /// closure of `closedDates` for `closedFacilities` (empty: the whole
    /// center), on `today`.
    public init(days: [LocalDate], facility: FacilityID, feePerDay: Int, paid: Int,
                closedDates: Set<LocalDate>, closedFacilities: Set<FacilityID>, today: LocalDate,
                refunds: RefundSchedule) {
        let booked = Array(Set(days)).sorted()
        let closes = closedFacilities.isEmpty || closedFacilities.contains(facility)
        let hit = closes ? booked.filter(closedDates.contains) : []
        let kept = booked.filter { !hit.contains($0) }
        let past = kept.filter { $0 < today }
        hitDays = hit
        keptDays = kept
        usableDays = kept.filter { $0 >= today }
        func settle(keeping kept: [LocalDate], cancelling cancelled: Int) -> Settlement {
            let cancelledFee = feePerDay * cancelled
            let notRefunded = cancelledFee - refunds.refund(paid: cancelledFee, cancelledOn: today, useDate: today, by: .center).amount
            let fee = feePerDay * kept.count + notRefunded
            return Settlement(days: kept, fee: fee, refund: max(0, paid - fee))
        }
        if hit.isEmpty {
            outcome = .unaffected
            daysHit = nil
            whole = nil
            return
        }
        whole = settle(keeping: past, cancelling: booked.count - past.count)
        if kept.allSatisfy({ $0 < today }) {
            outcome = .wholeRequired
            daysHit = nil
        } else {
            outcome = .daysHit
            daysHit = settle(keeping: kept, cancelling: hit.count)
        }
    }
}
