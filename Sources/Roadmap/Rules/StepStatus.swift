import CalendarValues

/// Where a step stands on a date (STEPごとの進捗): how many of its items are
/// done, in progress, late or not started, and what is due next.
public struct StepStatus: Hashable, Sendable, Encodable {
    /// A planned start or end still ahead (今後の予定).
    public struct DueEvent: Hashable, Sendable, Encodable {
        /// Whether the planned start or the planned end is due.
        public enum Kind: String, Codable, Sendable { case start, end }
        public let itemID: String
        public let kind: Kind
        public let month: YearMonth

        enum CodingKeys: String, CodingKey {
            case itemID = "item_id"
            case kind, month
        }
    }

    public let step: Int
    public let asOf: LocalDate
    public var done = 0
    public var inProgress = 0
    /// Late against plan: late start, past planned end, or declared delayed.
    public var late = 0
    public var notStarted = 0
    public var cancelled = 0
    /// Ids of the late items, in schedule order.
    public var lateItemIDs: [String] = []
    /// The planned starts and ends of the earliest month, from the month of
    /// `asOf` on, that still has one pending: starts of items not started,
    /// ends of items not done.
    public var dueNext: [DueEvent] = []

    enum CodingKeys: String, CodingKey {
        case step
        case asOf = "as_of"
        case done
        case inProgress = "in_progress"
        case late
        case notStarted = "not_started"
        case cancelled
        case lateItemIDs = "late_item_ids"
        case dueNext = "due_next"
    }

    init(step: Int, asOf: LocalDate) {
        self.step = step
        self.asOf = asOf
    }

    /// The status of every step of the schedule on `asOf`.
    public static func report(for schedule: RoadmapSchedule, asOf date: LocalDate) -> [StepStatus] {
        schedule.steps.map { step in
            status(of: step.number, items: schedule.items.filter { $0.step == step.number }, asOf: date)
        }
    }

    /// The status of one step, given its items.
    public static func status(of step: Int, items: [RoadmapItem], asOf date: LocalDate) -> StepStatus {
        var result = StepStatus(step: step, asOf: date)
        var pending: [DueEvent] = []
        for item in items {
            let status = ItemProgress.status(of: item, asOf: date)
            switch status {
            case .done: result.done += 1
            case .inProgress: result.inProgress += 1
            case .notStarted: result.notStarted += 1
            case .cancelled: result.cancelled += 1
            case .late, .lateStart, .delayed:
                result.late += 1
                result.lateItemIDs.append(item.id)
            }
            guard status != .done, status != .cancelled else { continue }
            let started = item.actualStart.map { $0 <= date } ?? (item.status != .planned)
            if !started, item.plannedStart >= date.yearMonth {
                pending.append(DueEvent(itemID: item.id, kind: .start, month: item.plannedStart))
            }
            if item.plannedEnd >= date.yearMonth {
                pending.append(DueEvent(itemID: item.id, kind: .end, month: item.plannedEnd))
            }
        }
        if let next = pending.map(\.month).min() {
            result.dueNext = pending.filter { $0.month == next }
        }
        return result
    }
}
