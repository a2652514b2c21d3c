import CenterService
import HTTPServer
import JSON

/// `/health` and `/openapi.json`.
enum SystemEndpoints {
    static let healthy: [UInt8] = Array(#"{"database":"ok","status":"ok"}"#.utf8)
    static let unhealthy: [UInt8] = Array(#"{"database":"unavailable","status":"error"}"#.utf8)

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/health", summary: "Liveness, with a database round trip", tag: "system", access: .anyone,
                     response: Schemas.object(["status": .string, "database": .string], example: ["status": "ok", "database": "ok"]),
                     errorCodes: ["unavailable"]) { context in
                let ok = await context.service.health()
                return HTTPResponse(status: ok ? .ok : .serviceUnavailable,
                                    headers: ["content-type": "application/json"], body: ok ? healthy : unhealthy)
            },
            Endpoint(.GET, "/openapi.json", summary: "This API's OpenAPI 3.1 document", tag: "system", access: .anyone,
                     response: ["type": "object"]) { _ in
                HTTPResponse(status: .ok, headers: ["content-type": "application/json"], body: CenterAPI.openAPIDocument)
            },
        ]
    }
}
