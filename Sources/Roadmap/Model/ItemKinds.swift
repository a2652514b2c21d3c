/// The side of the renovation an item belongs to: ハード面 (building works),
/// ソフト面 (support programmes and organisation) or 両面 (both).
public enum ItemSide: String, SchemaEnum {
    case hard
    case soft
    case both

    /// The report's own heading for the side.
    public var labelJa: String {
        switch self {
        case .hard: "ハード面"
        case .soft: "ソフト面"
        case .both: "両面"
        }
    }
}

/// The recorded status of an item (進捗状況) as the planner last set it.
/// Lateness is not recorded: it follows from the plan and a date
/// (see `ItemProgress.status(of:asOf:)`).
public enum ItemStatus: String, SchemaEnum {
    case planned
    case inProgress = "in_progress"
    case done
    /// Declared late by the planner (遅延), whatever the plan says.
    case delayed
    case cancelled
}

/// Where a date or status comes from: stated in the ward's report (記載), or
/// inferred by us where the report's layout lost the column (推定).
public enum Provenance: String, SchemaEnum {
    case stated
    case inferred
}
