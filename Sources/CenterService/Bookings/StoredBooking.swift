import CalendarValues
import CenterDomain

/// What the write paths read of a stored booking, whether decoded
/// (`Booking`) or as its row with the fee left as stored JSON
/// (`BookingRow`): its ledger (`BookingAccount`), the slots it frees
/// (`WaitingDesk`) and a penalty (`Bookings.penalize`) need no more.
protocol StoredBooking {
    var id: Int64 { get }
    var registration: Int64 { get }
    var facility: FacilityID { get }
    var divisions: [DivisionID] { get }
    /// The days of use, without the days a closure cancelled.
    var dates: [LocalDate] { get }
    /// The first day of use as booked, a day a closure cancelled included.
    var firstDate: LocalDate { get }
    var state: BookingState { get }
    var feeTotal: Int { get }
}

extension Booking: StoredBooking {}
extension BookingRow: StoredBooking {}
