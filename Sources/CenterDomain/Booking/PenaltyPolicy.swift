import CalendarValues

/// Something that earns penalty points (ペナルティ).
public enum PenaltyEvent: String, Sendable, Codable {
    /// Cancelled by the user within `lateCancelWithinDays` days of use.
    case lateCancel = "late_cancel"
    /// Paid but not checked in.
    case noShow = "no_show"
}

/// Penalty points for no-shows and late cancellations, and the suspension they lead to.
///
/// Configurable default, comparable wards (Nerima 区民・産業プラザ: a point for
/// cancelling from 6 days before; no-shows penalised; accumulated points bar
/// advance booking): late cancel 1 point, no-show 2, at 4 points the
/// registration is suspended from advance windows for 90 days and its points
/// start again from 0.
public struct PenaltyPolicy: Hashable, Sendable, Codable {
    public var lateCancelPoints: Int
    public var noShowPoints: Int
    /// A user cancellation fewer than this many days before use is late.
    public var lateCancelWithinDays: Int
    public var threshold: Int
    public var suspensionDays: Int

    public init(lateCancelPoints: Int = 1, noShowPoints: Int = 2, lateCancelWithinDays: Int = 7,
                threshold: Int = 4, suspensionDays: Int = 90) {
        self.lateCancelPoints = lateCancelPoints
        self.noShowPoints = noShowPoints
        self.lateCancelWithinDays = lateCancelWithinDays
        self.threshold = threshold
        self.suspensionDays = suspensionDays
    }

    enum CodingKeys: String, CodingKey {
        case lateCancelPoints = "late_cancel_points", noShowPoints = "no_show_points"
        case lateCancelWithinDays = "late_cancel_within_days", threshold, suspensionDays = "suspension_days"
    }

    /// The outcome of recording an event.
    public struct Outcome: Hashable, Sendable {
        /// Points after the event (0 again when a suspension began).
        public let points: Int
        /// Last day of a suspension that began, nil if none.
        public let suspendedUntil: LocalDate?
    }

    public func points(for event: PenaltyEvent) -> Int {
        switch event {
        case .lateCancel: return lateCancelPoints
        case .noShow: return noShowPoints
        }
    }

    /// Whether a user cancellation on `cancelledOn` for `useDate` is late.
    public func isLateCancel(cancelledOn: LocalDate, useDate: LocalDate) -> Bool {
        cancelledOn.days(until: useDate) < lateCancelWithinDays
    }

    /// Adds the event's points; reaching `threshold` suspends the registration for
    /// `suspensionDays` days starting on `on`.
    public func record(_ event: PenaltyEvent, currentPoints: Int, on date: LocalDate) -> Outcome {
        let total = currentPoints + points(for: event)
        guard total >= threshold else { return Outcome(points: total, suspendedUntil: nil) }
        return Outcome(points: 0, suspendedUntil: date.adding(days: suspensionDays - 1))
    }

    /// The registration with the event recorded.
    public func applying(_ event: PenaltyEvent, to registration: Registration, on date: LocalDate) -> Registration {
        let outcome = record(event, currentPoints: registration.penaltyPoints, on: date)
        var updated = registration
        updated.penaltyPoints = outcome.points
        if let until = outcome.suspendedUntil { updated.suspendedUntil = until }
        return updated
    }
}
