import JSON

/// Component schemas of the reports (utilization, revenue and lockers by fiscal year).
enum ReportSchemas {
    static let components: [(String, JSONValue)] = [
        ("UtilizationLine", Schemas.object([
            "fiscal_year": .integer, "month": .month, "facility": .string, "facility_name_ja": .string,
            "open_units": .integer, "booked_units": .integer, "used_units": .integer, "no_show_units": .integer],
            required: ["fiscal_year", "month", "facility", "open_units", "booked_units", "used_units", "no_show_units"],
            example: ["fiscal_year": 2026, "month": "2026-11", "facility": "meeting-room-1", "facility_name_ja": "会議室1",
                      "open_units": 84, "booked_units": 31, "used_units": 20, "no_show_units": 1])),
        ("RevenueLine", Schemas.object([
            "fiscal_year": .integer, "month": .month, "manager": .string, "manager_label": .string, "operator_ja": .string,
            "fees": .integer, "refunds": .integer, "exemptions": .integer, "net": .integer, "ward_usage_fees": .integer,
            "manager_fee_income": .integer],
            required: ["fiscal_year", "month", "manager", "fees", "refunds", "exemptions", "net", "ward_usage_fees",
                       "manager_fee_income"],
            example: ["fiscal_year": 2026, "month": "2026-11", "manager": "term-4", "manager_label": "指定管理者❷",
                      "operator_ja": "", "fees": 125_400, "refunds": 3_200, "exemptions": 18_000, "net": 122_200,
                      "ward_usage_fees": 8_400, "manager_fee_income": 113_800])),
        ("LockerLeaseLine", Schemas.object([
            "fiscal_year": .integer, "month": .month, "lockers": .integer, "leased": .integer, "started": .integer,
            "ended": .integer, "fees": .integer],
            required: ["fiscal_year", "month", "lockers", "leased", "started", "ended", "fees"],
            example: ["fiscal_year": 2026, "month": "2026-12", "lockers": 30, "leased": 12, "started": 2, "ended": 0,
                      "fees": 60_000])),
    ]
}
