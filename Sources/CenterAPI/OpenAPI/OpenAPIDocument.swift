import Foundation
import HTTPServer
import JSON

/// The OpenAPI 3.1 document, generated from the endpoint list so it always
/// matches what the server routes. Every error response uses the `Error`
/// schema; the endpoint's own error codes are listed in `x-error-codes`.
enum OpenAPIDocument {
    static func build(endpoints: [Endpoint]) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for endpoint in endpoints {
            let operation = self.operation(endpoint)
            let method = endpoint.method.rawValue.lowercased()
            if let index = paths.firstIndex(where: { $0.0 == endpoint.path }), case .object(var ops) = paths[index].1 {
                ops.append((method, operation))
                paths[index].1 = .object(ops)
            } else {
                paths.append((endpoint.path, .object([(method, operation)])))
            }
        }
        let tags = endpoints.reduce(into: [String]()) { if !$0.contains($1.tag) { $0.append($1.tag) } }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Nakano Ward Industry Promotion Center service (中野区産業振興センター)",
                "version": "1.0.0",
                "description": "Bookings and operations of the center. Dates are Japan local dates (YYYY-MM-DD); instants are RFC 3339 with offset; money is integer yen.",
            ],
            "servers": [["url": "/"]],
            "tags": .array(tags.map { ["name": .string($0)] }),
            "paths": .object(paths),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": .object(Schemas.components.map(OpenAPIExamples.attach)),
            ],
        ]
    }

    private static func operation(_ endpoint: Endpoint) -> JSONValue {
        var op: [(String, JSONValue)] = [
            ("summary", .string(endpoint.summary)),
            ("operationId", .string(operationID(endpoint))),
            ("tags", [.string(endpoint.tag)]),
        ]
        var parameters: [JSONValue] = endpoint.path.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            return ["name": .string(String(segment.dropFirst().dropLast())), "in": "path", "required": true,
                    "schema": ["type": "string"]]
        }
        parameters += endpoint.parameters.map { p in
            ["name": .string(p.name), "in": "query", "required": .bool(p.required), "schema": p.schema,
             "description": .string(p.description)]
        }
        if !parameters.isEmpty { op.append(("parameters", .array(parameters))) }
        if let body = endpoint.requestBody {
            op.append(("requestBody", ["required": true, "content": ["application/json": ["schema": body]]]))
        }
        switch endpoint.access {
        case .anyone: op.append(("security", [.object([]), ["bearer": []]]))
        case .roles(let roles):
            op.append(("security", [["bearer": []]]))
            op.append(("x-roles", .array(roles.map(\.rawValue).sorted().map { .string($0) })))
        }
        var responses: [(String, JSONValue)] = []
        let success: JSONValue = endpoint.successStatus == .noContent
            ? ["description": "Done, no content"]
            : ["description": "Success",
               "content": .object([(endpoint.contentType, OpenAPIExamples.mediaType(endpoint))] + OpenAPIExamples.alternates(endpoint))]
        responses.append((String(endpoint.successStatus.code), success))
        for other in endpoint.otherResponses {
            responses.append((String(other.status), ["description": .string(other.description),
                                                     "content": ["application/json": ["schema": other.schema]]]))
        }
        for (status, description) in errorStatuses(endpoint) {
            responses.append((status, ["description": .string(description),
                                       "content": ["application/json": ["schema": Schemas.ref("Error")]]]))
        }
        op.append(("responses", .object(responses)))
        op.append(("x-error-codes", .array(endpoint.errorCodes.map { .string($0) })))
        return .object(op)
    }

    /// The error statuses an operation answers: those of the codes it lists,
    /// and the server's own (400 for a malformed request, 413 for a body too
    /// large) and 500.
    private static func errorStatuses(_ endpoint: Endpoint) -> [(String, String)] {
        var statuses = Set(endpoint.errors.map(\.status.code))
        statuses.insert(400)
        if endpoint.requestBody != nil { statuses.insert(413) }
        statuses.insert(500)
        return statuses.sorted().map { status in
            let description = status == 401 && endpoint.access == .anyone
                ? "A token was sent and is unknown, revoked or expired" : descriptions[status] ?? "Refused"
            return (String(status), description)
        }
    }

    static let descriptions: [Int: String] = [
        400: "Malformed request", 401: "No token, or an unknown, revoked or expired one", 403: "The token's role may not call this",
        404: "No such resource", 409: "A rule refused the request", 413: "Body too large",
        415: "The body is not application/json", 422: "Well-formed but invalid values", 500: "Unexpected failure",
    ]

    private static func operationID(_ endpoint: Endpoint) -> String {
        let words = endpoint.path.split(separator: "/").map { segment -> String in
            let clean = segment.replacingOccurrences(of: "{", with: "by-").replacingOccurrences(of: "}", with: "")
            return clean.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "_" })
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        return endpoint.method.rawValue.lowercased() + words.joined()
    }
}
