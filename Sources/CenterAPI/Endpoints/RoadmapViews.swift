import Roadmap

/// A roadmap item as the API shows it: the item's own fields plus its
/// effective status (late, late start…) as of the request's date.
struct RoadmapItemView: Encodable {
    let item: RoadmapItem
    let effectiveStatus: EffectiveStatus

    enum Extra: String, CodingKey { case effectiveStatus = "effective_status" }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: Extra.self)
        try container.encode(effectiveStatus, forKey: .effectiveStatus)
    }
}

/// One section of `GET /roadmap`: the items of a step starting in a fiscal year.
struct RoadmapSectionView: Encodable {
    let step: Int
    let fiscalYear: Int
    let fiscalYearLabel: String
    let items: [RoadmapItemView]

    enum CodingKeys: String, CodingKey {
        case step, items
        case fiscalYear = "fiscal_year"
        case fiscalYearLabel = "fiscal_year_label"
    }
}

/// A step's progress as of a date.
struct StepStatusView: Encodable {
    struct Due: Encodable {
        let itemID: String
        let kind: String
        let month: String
        enum CodingKeys: String, CodingKey { case kind, month, itemID = "item_id" }
    }

    let step: Int
    let asOf: String
    let done: Int
    let inProgress: Int
    let late: Int
    let notStarted: Int
    let cancelled: Int
    let lateItems: [String]
    let dueNext: [Due]

    enum CodingKeys: String, CodingKey {
        case step, done, late, cancelled
        case asOf = "as_of"
        case inProgress = "in_progress"
        case notStarted = "not_started"
        case lateItems = "late_items"
        case dueNext = "due_next"
    }

    init(_ status: StepStatus) {
        step = status.step
        asOf = status.asOf.description
        done = status.done
        inProgress = status.inProgress
        late = status.late
        notStarted = status.notStarted
        cancelled = status.cancelled
        lateItems = status.lateItemIDs
        dueNext = status.dueNext.map { Due(itemID: $0.itemID, kind: $0.kind.rawValue, month: $0.month.description) }
    }
}
