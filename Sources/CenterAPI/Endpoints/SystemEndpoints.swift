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

    /// `/health`'s answer: 200 for `ok`, else 503, each with its body.
    static func healthResponse(_ answer: HealthProbe.Answer) -> HTTPResponse {
        switch answer {
        case .ok: HTTPResponse(status: .ok, headers: ["content-type": "application/json"], body: healthy)
        case .error: HTTPResponse(status: .serviceUnavailable, headers: ["content-type": "application/json"], body: damaged)
        case .unavailable: HTTPResponse(status: .serviceUnavailable, headers: ["content-type": "application/json"], body: unavailable)
        }
    }

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/health", summary: "Liveness, with a database round trip at most a second old", tag: "system", access: .anyone,
                     response: healthSchema,
                     refusals: NoRefusal.self,
                     otherResponses: [.init(503, "Unhealthy: `database` is `error` once a query has met a damaged or unreadable file (SQLITE_CORRUPT, SQLITE_IOERR) since the start, `unavailable` when the round trip failed otherwise",
                                            schema: Schemas.object([
                                                "status": .enumeration(["error"]),
                                                "database": .enumeration(["error", "unavailable"]),
                                            ], required: ["status", "database"], example: ["status": "error", "database": "error"]))],
                     placement: .onLoop,
                     immediate: { context in context.resources.health.recent().map(healthResponse) }) { context in
                healthResponse(await context.resources.health.probe())
            },
            Endpoint(.GET, "/openapi.json", summary: "This API's OpenAPI 3.1 document", tag: "system", access: .anyone,
                     response: ["type": "object"], refusals: NoRefusal.self) { _ in
                HTTPResponse(status: .ok, headers: ["content-type": "application/json"], body: CenterAPI.openAPIDocument)
            },
        ]
    }
}
