import CenterDomain
import CenterService
import JSON

/// Building blocks for the JSON Schemas in the OpenAPI document.
public enum Schemas {
    /// A field's type in `object(_:)`.
    public indirect enum Field: Sendable {
        case string, integer, number, boolean, date, month, instant, any
        /// A string of `minLength` to `maxLength` characters.
        case text(minLength: Int, maxLength: Int)
        /// An integer from `minimum` to `maximum`.
        case range(Int, Int)
        /// An array of at most `maxItems` items.
        case boundedArray(Field, maxItems: Int)
        case enumeration([String])
        case ref(String)
        case array(Field)
        case nullable(Field)

        var schema: JSONValue {
            switch self {
            case .string: ["type": "string"]
            case .text(let minLength, let maxLength): ["type": "string", "minLength": .int(minLength), "maxLength": .int(maxLength)]
            case .integer: ["type": "integer"]
            case .range(let minimum, let maximum): ["type": "integer", "minimum": .int(minimum), "maximum": .int(maximum)]
            case .boundedArray(let item, let maxItems): ["type": "array", "items": item.schema, "maxItems": .int(maxItems)]
            case .number: ["type": "number"]
            case .boolean: ["type": "boolean"]
            case .date: dateSchema
            case .month: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]
            case .instant: instantSchema
            case .any: [:]
            case .enumeration(let values): ["type": "string", "enum": .array(values.map { .string($0) })]
            case .ref(let name): Schemas.ref(name)
            case .array(let item): ["type": "array", "items": item.schema]
            case .nullable(let inner): ["oneOf": [inner.schema, ["type": "null"]]]
            }
        }
    }

    /// The schema of an integer query parameter within `range`.
    public static func integerParameter<I: FixedWidthInteger>(_ range: ClosedRange<I>) -> JSONValue { Field.integer(range).schema }

    public static let dateSchema: JSONValue = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    public static let instantSchema: JSONValue = ["type": "string", "format": "date-time"]

    /// `{"$ref": "#/components/schemas/<name>"}`.
    public static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// An object schema with properties in the given order.
    public static func object(_ fields: KeyValuePairs<String, Field>, required: [String] = [],
                              example: JSONValue? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"),
                                            ("properties", .object(fields.map { ($0.key, $0.value.schema) }))]
        if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
        if let example { pairs.append(("example", example)) }
        return .object(pairs)
    }

    /// Shared component schemas, referenced by name.
    public static let components: [(String, JSONValue)] = [
        ("Error", object(["error": .ref("ErrorBody")], required: ["error"])),
        ("ErrorBody", object(["code": .string, "message": .string, "details": .any], required: ["code", "message"])),
        ("Token", object(["id": .integer, "role": .string, "name": .string, "registration_id": .nullable(.integer),
                          "created_at": .instant, "expires_at": .nullable(.instant), "revoked_at": .nullable(.instant)])),
        ("AuditEntry", object(["id": .integer, "at": .instant, "actor": .string, "action": .string, "entity": .string,
                               "entity_id": .nullable(.string), "before": .nullable(.string), "after": .nullable(.string),
                               "request_id": .nullable(.string)])),
        ("Holiday", object(["date": .date, "name": .string, "name_en": .string,
                            "kind": .enumeration(["national", "special", "substitute", "citizens"])],
                           required: ["date", "name", "name_en"],
                           example: ["date": "2026-01-01", "name": "元日", "name_en": "New Year's Day", "kind": "national"])),
        ("ClosureReason", object(["kind": .enumeration(["year_end", "regular_closed_day", "holiday", "ad_hoc", "works"]),
                                  "reason": .string, "reason_ja": .string, "item_id": .string, "facilities": .array(.string)],
                                 required: ["kind"])),
        ("CalendarDay", object(["date": .date, "weekday": .string, "weekday_ja": .string, "open": .boolean,
                                "closures": .array(.ref("ClosureReason")), "holiday": .ref("HolidayName"),
                                "fiscal_year": .integer, "fiscal_year_label": .string, "label_ja": .string,
                                "manager": .ref("ManagerInCharge")],
                               required: ["date", "weekday", "open", "closures", "fiscal_year", "fiscal_year_label", "label_ja"],
                               example: ["date": "2026-07-01", "weekday": "wednesday", "weekday_ja": "水", "open": true,
                                         "closures": [], "fiscal_year": 2026, "fiscal_year_label": "令和8年度",
                                         "label_ja": "令和8年7月1日(水)"])),
        ("Facility", object(["id": .string, "kind": .enumeration(["room", "desk", "locker", "storage_bay"]),
                             "category": .nullable(.integer), "name_ja": .string, "name_en": .string,
                             "floor": .nullable(.integer), "capacity": .integer, "bookable": .boolean,
                             "quota_facility": .boolean, "placeholder": .boolean, "divisions": .array(.ref("Division"))],
                            required: ["id", "kind", "name_ja", "name_en", "capacity", "divisions"])),
        ("Division", object(["id": .string, "name_ja": .string, "name_en": .string, "start": .string, "end": .string,
                             "fee": .nullable(.integer)], required: ["id", "name_ja", "start", "end"])),
        ("HolidayName", object(["name": .string, "name_en": .string])),
        ("ManagerInCharge", object(["id": .string, "label": .string, "operator": .string, "operator_ja": .string])),
        ("ManagerTerm", object(["id": .string, "operator": .string, "operator_ja": .string, "label": .string,
                                "start": .date, "end": .date, "date_source": .string, "duties": .array(.string),
                                "fee_regime": .enumeration(["usage_fee", "charge", "unknown"]), "source": .string],
                               required: ["id", "label", "start", "end"])),
        ("RoadmapItem", object(["id": .string, "title_ja": .string, "title_en": .string, "step": .integer,
                                "side": .enumeration(["hard", "soft", "both"]), "planned_start": .month, "planned_end": .month,
                                "date_source": .string, "status": .string, "effective_status": .string,
                                "depends_on": .array(.string), "closures": .array(.any)],
                               required: ["id", "title_ja", "step", "side", "planned_start", "planned_end", "status"])),
        ("RoadmapUpdate", object(["status": .enumeration(["planned", "in_progress", "done", "delayed", "cancelled"]),
                                  "actual_start": .nullable(.date), "actual_end": .nullable(.date),
                                  "planned_start": .month, "planned_end": .month, "closures": .list(.ref("WorksClosure"))],
                                 example: ["status": "in_progress", "actual_start": "2026-11-20"])),
        ("WorksClosure", object(["facilities": .list(.code), "from": .date, "to": .date, "note": .text(.note),
                                 "date_source": .enumeration(["stated", "inferred"])],
                                required: ["facilities", "from", "to"])),
        ("RoadmapChange", object(["dry_run": .boolean, "item": .ref("RoadmapItem"), "displaced": .array(.ref("Booking")),
                                  "displaced_desk_passes": .array(.ref("DeskPass")), "displaced_count": .integer],
                                 required: ["dry_run", "item", "displaced", "displaced_desk_passes", "displaced_count"])),
        ("RoadmapSection", object(["step": .integer, "fiscal_year": .integer, "fiscal_year_label": .string,
                                   "items": .array(.ref("RoadmapItem"))])),
        ("StepStatus", object(["step": .integer, "as_of": .date, "done": .integer, "in_progress": .integer,
                               "late": .integer, "not_started": .integer, "cancelled": .integer,
                               "late_items": .array(.string), "due_next": .array(.any)])),
    ] + BookingSchemas.components + LotterySchemas.components + FrontDeskSchemas.components + MoneySchemas.components + ReportSchemas.components + DeskViews.components + LockerEndpoints.components + StorageEndpoints.components
}

/// Request-body fields with the decoder's own limits, so the document and
/// what the service refuses agree: integers with their range, texts with
/// their `TextRule`, lists with their most items.
extension Schemas.Field {
    /// An integer within `range`.
    public static func integer<I: FixedWidthInteger>(_ range: ClosedRange<I>) -> Self { .range(Int(range.lowerBound), Int(range.upperBound)) }

    /// A text under `rule` (1 or 0 to its maximum, in Unicode scalars).
    public static func text(_ rule: TextRule) -> Self { .text(minLength: rule.required ? 1 : 0, maxLength: rule.maximumLength) }

    /// An id of a stored record.
    public static var id: Self { integer(InputRange.id) }

    /// A code or id typed as text (a facility, a division, an exemption),
    /// capped as every string of a request body is (`TextRule.anyText`).
    public static var code: Self { text(TextRule.anyText) }

    /// A list of at most `maxItems` (by default `JSONInput.maximumListCount`).
    public static func list(_ item: Self, maxItems: Int = JSONInput.maximumListCount) -> Self { .boundedArray(item, maxItems: maxItems) }
}
