import Testing
@testable import HTTPServer

/// Routing rules: literal over parameter, 404, 405 with Allow (RFC 9110
/// §15.5.6), HEAD through GET (RFC 9110 §9.3.2), and a route table's
/// mistakes refused while it is built.
struct RouterTests {
    func request(_ method: HTTPMethod, _ path: String) -> HTTPRequest {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return HTTPRequest(method: method, target: path, pathSegments: path == "/" ? [] : segments)
    }

    func router() throws -> Router {
        var router = Router()
        try router.add(.GET, "/bookings/{id}") { HTTPResponse(body: Array("id=\($0.pathParameters["id"]!)".utf8)) }
        try router.add(.GET, "/bookings/today") { _ in HTTPResponse(body: Array("literal".utf8)) }
        try router.add(.POST, "/bookings/{id}/payment") { HTTPResponse(body: Array("pay \($0.pathParameters["id"]!)".utf8)) }
        try router.add(.GET, "/") { _ in HTTPResponse(body: Array("root".utf8)) }
        return router
    }

    func ok(_ request: HTTPRequest) async -> HTTPResponse { HTTPResponse() }

    @Test func parameterSegmentFillsPathParameters() async throws {
        #expect(try await router().respond(to: request(.GET, "/bookings/42")).body == Array("id=42".utf8))
    }
    @Test func literalSegmentWinsOverParameter() async throws {
        #expect(try await router().respond(to: request(.GET, "/bookings/today")).body == Array("literal".utf8))
    }
    @Test func nestedParameterRouteMatches() async throws {
        #expect(try await router().respond(to: request(.POST, "/bookings/7/payment")).body == Array("pay 7".utf8))
    }
    @Test func rootRouteMatches() async throws {
        #expect(try await router().respond(to: request(.GET, "/")).body == Array("root".utf8))
    }
    @Test func unknownPathIs404WithAPlainTextLine() async throws {
        let response = try await router().respond(to: request(.GET, "/nothing/here"))
        #expect(response.status == .notFound)
        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == "404 Not Found: No resource at this path.\n")
    }
    @Test func knownPathWrongMethodIs405WithAllowIncludingHead() async throws {
        let response = try await router().respond(to: request(.DELETE, "/bookings/1"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["allow"] == "GET, HEAD")
    }
    @Test func headIsServedByGet() async throws {
        #expect(try await router().respond(to: request(.HEAD, "/bookings/9")).body == Array("id=9".utf8))
    }
    @Test func routesAreListed() throws {
        #expect(try router().routes.map { "\($0.method) \($0.pattern)" }
            == ["GET /bookings/{id}", "GET /bookings/today", "POST /bookings/{id}/payment", "GET /"])
    }
    @Test func protocolErrorResponderShapesTheRoutersRefusals() async throws {
        var router = try router()
        router.protocolErrorResponder = { HTTPResponse(status: $0.status, body: Array($0.code.rawValue.utf8)) }
        #expect(await router.respond(to: request(.GET, "/x")).body == Array("not_found".utf8))
        let wrongMethod = await router.respond(to: request(.DELETE, "/bookings/1"))
        #expect(wrongMethod.body == Array("method_not_allowed".utf8))
        #expect(wrongMethod.headers["allow"] == "GET, HEAD")
    }
    @Test func protocolErrorResponderAnswersTheServersRefusalsToo() throws {
        var router = try router()
        router.protocolErrorResponder = { HTTPResponse(status: $0.status, body: Array($0.code.rawValue.utf8)) }
        #expect(router.protocolErrorResponse(for: .contentTooLarge).body == Array("content_too_large".utf8))
    }
    @Test func copiedRouterDoesNotShareLaterRoutes() async throws {
        let original = try router()
        var copy = original
        try copy.add(.GET, "/extra") { _ in HTTPResponse() }
        #expect(await original.respond(to: request(.GET, "/extra")).status == .notFound)
        #expect(await copy.respond(to: request(.GET, "/extra")).status == .ok)
    }
    @Test func parameterNeverMatchesAnEmptySegment() async throws {
        #expect(try await router().respond(to: request(.GET, "/bookings/")).status == .notFound)
    }
    @Test func theSameMethodAndPatternTwiceIsRefused() throws {
        var router = try router()
        #expect(throws: RouteError.duplicate(method: .GET, pattern: "/bookings/today", existing: "/bookings/today")) {
            try router.add(.GET, "/bookings/today", ok)
        }
    }
    @Test func patternsDifferingOnlyInParameterNamesAreTheSameRoute() throws {
        var router = try router()
        #expect(throws: RouteError.duplicate(method: .POST, pattern: "/bookings/{key}/payment",
                                             existing: "/bookings/{id}/payment")) {
            try router.add(.POST, "/bookings/{key}/payment", ok)
        }
    }
    @Test func theSamePatternWithAnotherMethodIsAnotherRoute() async throws {
        var router = try router()
        try router.add(.DELETE, "/bookings/{key}", ok)
        #expect(await router.respond(to: request(.DELETE, "/bookings/3")).status == .ok)
    }
    @Test func aRefusedRouteLeavesTheRouterAsItWas() async throws {
        var router = try router()
        #expect(throws: RouteError.self) {
            try router.add(.GET, "/bookings/{other}") { _ in HTTPResponse(body: Array("second".utf8)) }
        }
        #expect(await router.respond(to: request(.GET, "/bookings/42")).body == Array("id=42".utf8))
        #expect(router.routes.count == 4)
    }
    @Test func aPatternNamingAParameterTwiceIsRefused() {
        var router = Router()
        #expect(throws: RouteError.repeatedParameter(name: "id", pattern: "/a/{id}/b/{id}")) {
            try router.add(.GET, "/a/{id}/b/{id}", ok)
        }
    }
    @Test func eachRouteKeepsItsOwnParameterNames() async throws {
        var router = try router()
        try router.add(.GET, "/bookings/{key}/history") { HTTPResponse(body: Array("key=\($0.pathParameters["key"] ?? "-")".utf8)) }
        #expect(await router.respond(to: request(.GET, "/bookings/5/history")).body == Array("key=5".utf8))
        #expect(await router.respond(to: request(.GET, "/bookings/6")).body == Array("id=6".utf8))
    }
    @Test func aRouteErrorSaysWhichRoute() {
        #expect(RouteError.duplicate(method: .GET, pattern: "/a/{key}", existing: "/a/{id}").description
            == "GET /a/{key} is routed twice (first as GET /a/{id})")
        #expect(RouteError.repeatedParameter(name: "id", pattern: "/a/{id}/{id}").description
            == "/a/{id}/{id} names the parameter {id} twice")
    }
}
