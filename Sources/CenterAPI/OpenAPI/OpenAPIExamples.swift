import JSON

/// Examples for the OpenAPI document, taken from real responses of the
/// service and trimmed: one per component schema that lacks its own, and one
/// per operation whose success response is not a component (tokens, `/me`,
/// metrics, the roadmap chart). Attached when the document is built, so the
/// schema definitions stay as their owners wrote them.
enum OpenAPIExamples {
    /// `schema` with the example of component `name` when it has none yet.
    static func attach(_ component: (String, JSONValue)) -> (String, JSONValue) {
        let (name, schema) = component
        guard schema["example"] == nil, let example = components[name] ?? facilityComponents[name],
              case .object(var pairs) = schema else { return component }
        pairs.append(("example", example))
        return (name, .object(pairs))
    }

    /// The media type object of an operation's success response.
    static func mediaType(_ endpoint: Endpoint) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("schema", endpoint.response)]
        if let example = operations[endpoint.method.rawValue + " " + endpoint.path] { pairs.append(("example", example)) }
        return .object(pairs)
    }

    /// Other representations of the success response: CSV for the reports
    /// that take `format` (or `Accept: text/csv`), the printable page of a receipt.
    static func alternates(_ endpoint: Endpoint) -> [(String, JSONValue)] {
        if endpoint.parameters.contains(where: { $0.name == ReceiptEndpoints.paperParameter.name }) {
            return [("text/html", ["schema": ["type": "string", "description": "The receipt to print, A5 landscape or A4 portrait"],
                                   "example": "<!DOCTYPE html><html lang=\"ja\">…<h1>領収書</h1>…</html>"])]
        }
        guard endpoint.parameters.contains(where: { $0.name == ReportFormat.parameter.name }) else { return [] }
        return [("text/csv", ["schema": ["type": "string", "description": "UTF-8 with a byte order mark, Japanese headers, CRLF"],
                              "example": .string(csvExamples[endpoint.path] ?? csvExample)])]
    }

    static let csvExample = "\u{FEFF}年度,年月,施設ID,施設,利用可能コマ数,予約コマ数,利用コマ数,無断キャンセル\r\n2026,2026-11,meeting-room-1,会議室1,84,31,20,1\r\n"

    /// The CSV examples of reports whose columns are not `csvExample`'s.
    static let csvExamples: [String: String] = [
        "/reports/daily-takings": "\u{FEFF}日付,支払方法,入金件数,入金額,還付件数,還付額,差引\r\n2026-11-25,現金,3,9500,1,1750,7750\r\n",
    ]

    static let token: JSONValue = [
        "token": "nkc_7ef4412239e52ed6e4045c64bfc06342d09ed2d3e2094e9e72bd253917104b1e",
        "record": ["id": 2, "role": "member", "name": "Chair", "registration_id": 1, "created_at": "2026-11-25T18:54:11+09:00"],
    ]

    static let operations: [String: JSONValue] = [
        "POST /tokens": token,
        "POST /registrations/{id}/tokens": token,
        "GET /me": ["role": "member", "name": "Chair", "token_id": 2, "registration_id": 1],
        "GET /metrics": .string("""
            # HELP nakano_bookings Room bookings by state.
            # TYPE nakano_bookings gauge
            nakano_bookings{state="paid"} 12

            """),
        "GET /roadmap.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"900\">…</svg>",
        "GET /reports/desk-occupancy": ["from": "2026-11-26", "to": "2026-11-26", "desks": [
            ["date": "2026-11-26", "period": "am", "open": true, "desks": 20, "passes": 2, "checked_in": 1, "no_shows": 1,
             "occupancy": .double(0.05)]]],
        "POST /storage-allocations/allocate": ["fiscal_year": 2026, "allocated": []],
        "GET /openapi.json": ["openapi": "3.1.0", "info": ["title": "Nakano Ward Industry Promotion Center service", "version": "1.0.0"],
                              "paths": [:]],
    ]

    static let booking: JSONValue = [
        "id": 1, "registration": 1, "category": "general", "facility": "meeting-room-1", "first_date": "2026-12-10",
        "last_date": "2026-12-10", "divisions": ["am", "pm"], "purpose": "セミナー", "attendees": 20, "admission_charged": 0,
        "commercial": false, "out_of_ward": false, "state": "provisional", "fee_total": 3500,
        "fee": ["days": 1, "total": 3500, "per_day": [
            "lines": [["kind": "division", "division": "am", "label": "午前", "base": 1500, "multipliers": [], "amount": 1500],
                      ["kind": "gap_hours", "label": "gap hours free 12:00–13:00", "base": 0, "multipliers": [], "amount": 0],
                      ["kind": "division", "division": "pm", "label": "午後", "base": 2000, "multipliers": [], "amount": 2000]],
            "surcharges": [], "exemptions": [], "gap_hours_free": [["from": "12:00", "to": "13:00", "minutes": 60]],
            "subtotal": 3500, "rounding": 0, "total": 3500]],
        "payment_deadline": "2026-12-03T23:59:59+09:00", "created_at": "2026-11-25T18:54:11+09:00",
        "created_by": "staff:Front desk#3", "source": "request",
    ]

    static let components: [String: JSONValue] = [
        "Error": ["error": ["code": "slot_taken", "message": "meeting-room-1 is already booked on 2026-12-10 (am).",
                            "details": ["facility": "meeting-room-1", "date": "2026-12-10", "division": "am"]]],
        "Token": ["id": 2, "role": "member", "name": "Chair", "registration_id": 1, "created_at": "2026-11-25T18:54:11+09:00"],
        "AuditEntry": ["id": 2, "at": "2026-11-25T18:54:11+09:00", "actor": "admin:Initial administrator#1",
                       "action": "registration.create", "entity": "registration", "entity_id": "1",
                       "after": "{\"id\":1,\"category\":\"general\"}"],
        "Facility": ["id": "meeting-room-1", "kind": "room", "category": 2, "name_ja": "会議室1", "name_en": "Meeting room 1",
                     "floor": 2, "capacity": 30, "bookable": true, "quota_facility": false, "placeholder": true,
                     "divisions": [["id": "am", "name_ja": "午前", "name_en": "Morning", "start": "09:00", "end": "12:00", "fee": 1500]]],
        "ManagerTerm": ["id": "term-fy2025", "operator": "", "operator_ja": "", "label": "指定管理者❶〜❺",
                        "start": "2025-04-01", "end": "2030-03-31", "date_source": "stated", "duties": ["センター窓口・管理・運営"],
                        "fee_regime": "unknown", "source": "The 2024-11 report's STEP table."],
        "RoadmapItem": ["id": "wifi", "title_ja": "Wi-Fi環境整備", "title_en": "Wi-Fi", "step": 1, "side": "hard",
                        "planned_start": "2025-06", "planned_end": "2025-06", "date_source": "stated", "status": "done",
                        "effective_status": "done", "depends_on": [], "closures": []],
        "RoadmapSection": ["step": 1, "fiscal_year": 2025, "fiscal_year_label": "令和7年度", "items": []],
        "StepStatus": ["step": 1, "as_of": "2026-11-25", "done": 3, "in_progress": 0, "late": 4, "not_started": 1, "cancelled": 0,
                       "late_items": ["business-owner-network"],
                       "due_next": [["item_id": "mobile-locker-coordination", "kind": "end", "month": "2026-12"]]],
        "RoadmapChange": ["dry_run": true, "item": ["id": "gym-cooling", "title_ja": "体育室冷房設置", "step": 2, "side": "hard",
                                                     "planned_start": "2027-07", "planned_end": "2027-09", "status": "planned"],
                          "displaced": [booking], "displaced_desk_passes": [], "displaced_count": 1],
        "Erasure": ["registration": 1, "reason": "request", "erased_at": "2026-11-25T18:54:11+09:00", "ended_on": "2026-11-24",
                    "rows": ["access_tokens": 1, "audit_log": 4, "bookings": 2, "registrations": 1]],
        "Registration": ["id": 1, "category": "general", "name": "中野商店会", "name_kana": "ナカノショウテンカイ",
                         "contact": "0312345678", "postal_code": "164-0001", "address": "東京都中野区中野二丁目13番14号", "in_ward": true,
                         "evidence": [:], "valid_from": "2026-11-25", "valid_until": "2028-11-24", "status": "active",
                         "penalty_points": 0, "created_at": "2026-11-25T18:54:11+09:00",
                         "created_by": "admin:Initial administrator#1", "updated_at": "2026-11-25T18:54:11+09:00",
                         "updated_by": "admin:Initial administrator#1", "issuer": "designated_manager",
                         "issuer_name_ja": "指定管理者"],
        "Booking": booking,
        "AvailabilityDay": ["date": "2026-12-10", "open": true, "reasons": [],
                            "divisions": [["division": "am", "status": "booked"], ["division": "pm", "status": "booked"],
                                          ["division": "night", "status": "free"]]],
        "Closure": ["id": 1, "date": "2026-12-24", "to": "2026-12-24", "facilities": ["gym"], "reason_ja": "点検",
                    "reason_en": "Inspection", "created_at": "2026-11-25T18:54:11+09:00", "created_by": "staff:Front desk#3",
                    "cancelled": [], "days_cancelled": [], "cancelled_desk_passes": [],
                    "holders": [["registration": 1, "name": "中野商店会", "contact": "0312345678", "category": "general",
                                 "bookings": [7], "desk_passes": []]]],
        "CommunityQuotaLine": ["facility": "gym", "month": "2026-12", "share": .double(0.3), "bookable_units": 81, "reserved_units": 24,
                               "non_community_ceiling": 56, "community_units": 6, "non_community_units": 40,
                               "released_units": 0, "unused_reserved_units": 18],
    ]
}
