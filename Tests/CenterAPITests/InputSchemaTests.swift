import JSON
import Testing
@testable import CenterAPI

/// The OpenAPI document gives every input its limits: each integer a range,
/// each string a length (or a fixed form), each list its most items, so a
/// client knows before it asks what the service will refuse.
@Suite struct InputSchemaTests {
    static let document = OpenAPIDocument.build(endpoints: CenterAPI.endpoints)

    /// The schema `$ref` names, or `schema` itself.
    static func resolved(_ schema: JSONValue) -> JSONValue {
        guard case .string(let ref)? = schema["$ref"], let name = ref.split(separator: "/").last else { return schema }
        return document["components"]?["schemas"]?[String(name)] ?? schema
    }

    /// Every field of `schema` without its limit, as `path: problem`.
    static func unbounded(_ schema: JSONValue, at path: String) -> [String] {
        let schema = resolved(schema)
        if case .array(let choices)? = schema["oneOf"] {
            return choices.flatMap { unbounded($0, at: path) }
        }
        switch schema["type"] {
        case "object"?:
            guard case .object(let properties)? = schema["properties"] else { return [] }
            return properties.flatMap { unbounded($0.1, at: path + "." + $0.0) }
        case "array"?:
            let items = schema["items"].map { unbounded($0, at: path + "[]") } ?? []
            return (schema["maxItems"] == nil ? ["\(path): no maxItems"] : []) + items
        case "integer"?:
            return schema["minimum"] == nil || schema["maximum"] == nil ? ["\(path): no minimum and maximum"] : []
        case "string"?:
            let fixed = schema["enum"] != nil || schema["pattern"] != nil || schema["format"] == "date-time"
            return fixed || schema["maxLength"] != nil ? [] : ["\(path): no maxLength"]
        default:
            return []
        }
    }

    @Test func everyFieldOfEveryRequestBodyHasItsLimit() {
        for endpoint in CenterAPI.endpoints {
            guard let body = endpoint.requestBody else { continue }
            let problems = Self.unbounded(body, at: "\(endpoint.method.rawValue) \(endpoint.path) $")
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func everyIntegerQueryParameterHasItsRange() {
        for endpoint in CenterAPI.endpoints {
            for parameter in endpoint.parameters where parameter.schema["type"] == "integer" {
                #expect(parameter.schema["minimum"] != nil && parameter.schema["maximum"] != nil, "\(endpoint.path)?\(parameter.name)")
            }
        }
    }

    @Test func attendeesAreOneToTheDocumentedMaximum() throws {
        let bookings = try #require(CenterAPI.endpoints.first { $0.method == .POST && $0.path == "/bookings" })
        #expect(bookings.requestBody?["properties"]?["attendees"] == ["type": "integer", "minimum": 1, "maximum": 10_000])
        #expect(bookings.requestBody?["properties"]?["admission_charged"] == ["type": "integer", "minimum": 0, "maximum": 10_000_000])
    }
}
