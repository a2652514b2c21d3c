import Store

extension Schema {
    /// Versions 8 and 9 are written on other branches at the same time as
    /// version 10. Migrations must run without a gap, so on this branch they
    /// are empty steps; the merge replaces both with the real ones (a
    /// database made on this branch alone is a developer's, never kept).
    static let reservedEight = Migration(version: 8, name: "reserved: replaced at merge", sql: "SELECT 1;")
    static let reservedNine = Migration(version: 9, name: "reserved: replaced at merge", sql: "SELECT 1;")
}
