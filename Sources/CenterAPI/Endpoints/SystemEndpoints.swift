import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `/health` and `/openapi.json`.
enum SystemEndpoints {
    static let healthy: [UInt8] = Array(#"{"database":"ok","status":"ok"}"#.utf8)
    static let damaged: [UInt8] = Array(#"{"database":"error","status":"error"}"#.utf8)
    static let unavailable: [UInt8] = Array(#"{"database":"unavailable","status":"error"}"#.utf8)

    /// `/health`'s body, 200 and 503 alike.
    static let healthSchema = Schemas.object([
        "status": .enumeration(["ok", "error"]),
        "database": .enumeration(["ok", "error", "unavailable"]),
    ], required: ["status", "database"], example: ["status": "ok", "database": "ok"])

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/health", summary: "Liveness, with a database round trip", tag: "system", access: .anyone,
                     response: healthSchema,
                     refusals: NoRefusal.self,
                     otherResponses: [.init(503, "Unhealthy: `database` is `error` once a query has met a damaged or unreadable file (SQLITE_CORRUPT, SQLITE_IOERR) since the start, `unavailable` when the round trip failed otherwise",
                                            schema: Schemas.object([
                                                "status": .enumeration(["error"]),
                                                "database": .enumeration(["error", "unavailable"]),
                                            ], required: ["status", "database"], example: ["status": "error", "database": "error"]))],
                     placement: .onLoop) { context in
                let body: [UInt8] = switch await context.service.housekeeping.health() {
                case .ok: healthy
                case .error: damaged
                case .unavailable: unavailable
                }
                return HTTPResponse(status: body == healthy ? .ok : .serviceUnavailable,
                                    headers: ["content-type": "application/json"], body: body)
            },
            Endpoint(.GET, "/openapi.json", summary: "This API's OpenAPI 3.1 document", tag: "system", access: .anyone,
                     response: ["type": "object"], refusals: NoRefusal.self) { _ in
                HTTPResponse(status: .ok, headers: ["content-type": "application/json"], body: CenterAPI.openAPIDocument)
            },
        ]
    }
}
