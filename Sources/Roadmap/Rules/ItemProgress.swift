import CalendarValues

/// An item's status as seen on a given date (ある日時点の進捗), lateness
/// included. The recorded status says what the planner last knew; this adds
/// what the plan implies on the date asked about.
public enum EffectiveStatus: String, Codable, Sendable, CaseIterable {
    /// Not started, and its planned start month has not passed.
    case notStarted = "not_started"
    /// Started, and within its planned end month.
    case inProgress = "in_progress"
    case done
    /// Not started though its planned start month has passed (着手遅れ).
    case lateStart = "late_start"
    /// Not done though its planned end month has passed (完了遅れ).
    case late
    /// Declared delayed by the planner, still within its plan.
    case delayed
    case cancelled

    /// Late against plan in any way: `late`, `lateStart` or `delayed`.
    public var isLate: Bool { self == .late || self == .lateStart || self == .delayed }
}

/// The rule that derives an item's effective status from its record, its
/// plan and a date. Planned months count whole: an item planned to end in
/// 2026-11 is not late until 2026-12-01.
public enum ItemProgress {
    /// The status of `item` on `asOf`.
    ///
    /// Actual dates are honoured for past dates: an item done on 2026-03-20
    /// is in progress as of 2026-03-01.
    public static func status(of item: RoadmapItem, asOf date: LocalDate) -> EffectiveStatus {
        if item.status == .cancelled { return .cancelled }
        if item.status == .done && (item.actualEnd.map { $0 <= date } ?? true) { return .done }
        let recordedStart = item.status != .planned || item.actualStart != nil
        let started = recordedStart && (item.actualStart.map { $0 <= date } ?? true)
        if date > item.plannedEnd.lastDay { return .late }
        if item.status == .delayed && started { return .delayed }
        if started { return .inProgress }
        if date > item.plannedStart.lastDay { return .lateStart }
        return item.status == .delayed ? .delayed : .notStarted
    }
}

extension RoadmapItem {
    /// `ItemProgress.status(of: self, asOf: date)`.
    public func status(asOf date: LocalDate) -> EffectiveStatus {
        ItemProgress.status(of: self, asOf: date)
    }
}
