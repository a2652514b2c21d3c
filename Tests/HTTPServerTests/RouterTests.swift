import Testing
@testable import HTTPServer

/// Routing rules: literal over parameter, 404, 405 with Allow (RFC 9110
/// §15.5.6), HEAD through GET (RFC 9110 §9.3.2).
struct RouterTests {
    func request(_ method: HTTPMethod, _ path: String) -> HTTPRequest {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return HTTPRequest(method: method, target: path, pathSegments: path == "/" ? [] : segments)
    }

    func router() -> Router {
        var router = Router()
        router.add(.GET, "/bookings/{id}") { HTTPResponse(body: Array("id=\($0.pathParameters["id"]!)".utf8)) }
        router.add(.GET, "/bookings/today") { _ in HTTPResponse(body: Array("literal".utf8)) }
        router.add(.POST, "/bookings/{id}/payment") { HTTPResponse(body: Array("pay \($0.pathParameters["id"]!)".utf8)) }
        router.add(.GET, "/") { _ in HTTPResponse(body: Array("root".utf8)) }
        return router
    }

    @Test func parameterSegmentFillsPathParameters() async {
        #expect(await router().respond(to: request(.GET, "/bookings/42")).body == Array("id=42".utf8))
    }
    @Test func literalSegmentWinsOverParameter() async {
        #expect(await router().respond(to: request(.GET, "/bookings/today")).body == Array("literal".utf8))
    }
    @Test func nestedParameterRouteMatches() async {
        #expect(await router().respond(to: request(.POST, "/bookings/7/payment")).body == Array("pay 7".utf8))
    }
    @Test func rootRouteMatches() async {
        #expect(await router().respond(to: request(.GET, "/")).body == Array("root".utf8))
    }
    @Test func unknownPathIs404WithJSONError() async {
        let response = await router().respond(to: request(.GET, "/nothing/here"))
        #expect(response.status == .notFound)
        #expect(response.headers["content-type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self)
            == #"{"error":{"code":"not_found","message":"No resource at this path."}}"#)
    }
    @Test func knownPathWrongMethodIs405WithAllowIncludingHead() async {
        let response = await router().respond(to: request(.DELETE, "/bookings/1"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["allow"] == "GET, HEAD")
    }
    @Test func headIsServedByGet() async {
        #expect(await router().respond(to: request(.HEAD, "/bookings/9")).body == Array("id=9".utf8))
    }
    @Test func routesAreListed() {
        #expect(router().routes.map { "\($0.method) \($0.pattern)" }
            == ["GET /bookings/{id}", "GET /bookings/today", "POST /bookings/{id}/payment", "GET /"])
    }
    @Test func errorResponderIsReplaceable() async {
        var router = router()
        router.errorResponder = { status, code, _ in HTTPResponse(status: status, body: Array(code.utf8)) }
        #expect(await router.respond(to: request(.GET, "/x")).body == Array("not_found".utf8))
    }
    @Test func copiedRouterDoesNotShareLaterRoutes() async {
        let original = router()
        var copy = original
        copy.add(.GET, "/extra") { _ in HTTPResponse() }
        #expect(await original.respond(to: request(.GET, "/extra")).status == .notFound)
        #expect(await copy.respond(to: request(.GET, "/extra")).status == .ok)
    }
    @Test func parameterNeverMatchesAnEmptySegment() async {
        #expect(await router().respond(to: request(.GET, "/bookings/")).status == .notFound)
    }
}
