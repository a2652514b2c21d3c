/// Building blocks for the JSON Schemas in the OpenAPI document.
public enum Schemas {
    /// A field's type in `object(_:)`.
    public indirect enum Field: Sendable {
        case string, integer, number, boolean, date, month, instant, any
        case enumeration([String])
        case ref(String)
        case array(Field)
        case nullable(Field)

        var schema: JSONValue {
            switch self {
            case .string: ["type": "string"]
            case .integer: ["type": "integer"]
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
    ]
}
