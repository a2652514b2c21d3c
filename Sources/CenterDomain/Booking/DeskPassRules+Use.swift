import CalendarValues

/// The flexible-desk rules of using a pass (フリーデスク利用): who may hold
/// one, which division-units a period occupies, which desk "any desk" means,
/// and until when a pass is checked in or cancelled.
///
/// Configurable defaults (the renovation plan, "フリーランスが自由に利用可";
/// no Nakano rule yet): passes are for registered freelancers only, a whole
/// day occupies every division, check-in runs from the day of use until the
/// start + grace, cancellation until the start.
extension DeskPassRules {
    /// Refuses `not_a_freelancer` unless the registration's category is `freelancer`.
    public static func checkHolder(category: UserCategory) throws(Refusal<DeskPassRules.Code>) {
        guard category == .freelancer else {
            throw Refusal(.notAFreelancer, "Desk passes are for registered freelancers.",
                          details: ["category": category.rawValue])
        }
    }

    /// The division-units a pass for `period` occupies: `day` takes every
    /// division, a division id itself; `period_unknown` otherwise.
    public func units(of period: String, divisions: [Division]) throws(Refusal<DeskPassRules.Code>) -> [DivisionID] {
        let units = period == "day" ? divisions.map(\.id) : divisions.filter { $0.id.rawValue == period }.map(\.id)
        guard periods.contains(period), !units.isEmpty else {
            throw Refusal(.periodUnknown, "No desk period is called \(TextRule.echo(period)).", details: ["period": period])
        }
        return units
    }

    /// The instant a pass for `period` on `date` starts: its (first) division's start.
    public func start(date: LocalDate, period: String, divisions: [Division]) throws(Refusal<DeskPassRules.Code>) -> Instant {
        let deadline = try checkInDeadline(date: date, period: period, divisions: divisions)
        return deadline.adding(seconds: -Int64(checkInGraceMinutes) * 60)
    }

    /// "Any desk": the lowest desk id that is not `taken`, nil when all are.
    public static func firstFreeDesk(_ desks: [FacilityID], taken: Set<FacilityID>) -> FacilityID? {
        desks.filter { !taken.contains($0) }.min()
    }

    /// Refuses `window_closed` for a pass whose check-in deadline has already
    /// passed at `now`: it would be released as a no-show at once.
    public func checkNotPast(now: Instant, deadline: Instant) throws(Refusal<DeskPassRules.Code>) {
        guard !isNoShow(now: now, deadline: deadline) else {
            throw Refusal(.windowClosed, "This period's check-in closed at \(deadline.rfc3339).",
                          details: ["check_in_deadline": deadline.rfc3339])
        }
    }

    /// Refuses a check-in at `now` for a pass used on `date`:
    /// `check_in_too_early` before the day of use, `check_in_too_late` once
    /// the pass is a no-show (`isNoShow`).
    public func checkCheckIn(now: Instant, date: LocalDate, deadline: Instant) throws(Refusal<DeskPassRules.CheckInCode>) {
        guard now.japanDate >= date else {
            throw Refusal(.checkInTooEarly, "Check-in opens on the day of use, \(date).",
                          details: ["date": date.description])
        }
        guard !isNoShow(now: now, deadline: deadline) else {
            throw Refusal(.checkInTooLate, "Check-in closed at \(deadline.rfc3339).",
                          details: ["check_in_deadline": deadline.rfc3339])
        }
    }

    /// Refuses `cancel_too_late` once the pass has started (`now` at or after `start`).
    public func checkCancel(now: Instant, start: Instant) throws(Refusal<DeskPassRules.CancelCode>) {
        guard now < start else {
            throw Refusal(.cancelTooLate, "A desk pass is cancelled before it starts (\(start.rfc3339)).",
                          details: ["starts_at": start.rfc3339])
        }
    }
}
