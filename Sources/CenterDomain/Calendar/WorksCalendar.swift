import CalendarValues

/// Where the center's calendar learns which days renovation works close
/// (工事による休館・利用停止): the roadmap, whose items record their closure
/// windows. CenterDomain does not import Roadmap, so the calendar asks this
/// question instead of holding copies of the planner's records; CenterService
/// answers it with the roadmap's schedule. A conformer is a value whose
/// answers never change (`CenterCalendar` keeps what it has worked out).
public protocol WorksCalendar: Sendable {
    /// The works that close `facility` on `date`, or the whole center when
    /// `facility` is nil: for each, the roadmap item that causes it and the
    /// facilities its closure lists, in the roadmap's order.
    func works(closing facility: String?, on date: LocalDate) -> [(itemID: String, facilities: [String])]

    /// Whether any works close `facility` (nil: the whole center) on
    /// `date`: whether `works(closing:on:)` would list one, without listing.
    func closes(_ facility: String?, on date: LocalDate) -> Bool
}

extension WorksCalendar {
    public func closes(_ facility: String?, on date: LocalDate) -> Bool { !works(closing: facility, on: date).isEmpty }
}
