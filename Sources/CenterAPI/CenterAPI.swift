import CenterDomain
import CenterService
import HTTPServer

/// The HTTP surface of the center: every endpoint in one list, a router built
/// from it with authentication and roles applied uniformly, and the OpenAPI
/// document generated from the same list.
public enum CenterAPI {
    /// Every endpoint of the API, in document order.
    public static var endpoints: [Endpoint] {
        SystemEndpoints.all + CalendarEndpoints.all + CatalogueEndpoints.all + RoadmapEndpoints.all + AdminEndpoints.all + MetricsEndpoints.all + RegistrationEndpoints.all + AvailabilityEndpoints.all + BookingEndpoints.all + SeriesEndpoints.all + LotteryEndpoints.all + WaitingListEndpoints.all + PaymentEndpoints.all + ReceiptEndpoints.all + FrontDeskEndpoints.all + ClosureEndpoints.all + ReportEndpoints.all + FeedEndpoints.all + BoardEndpoints.all + DeskEndpoints.all + LockerEndpoints.all + StorageEndpoints.all + SignUpCodeEndpoints.all
    }

    /// The router serving `endpoints` for `service`, counting into `metrics`;
    /// throws `RouteError` when two endpoints share a method and path.
    ///
    /// The server's own refusals (400, 408, 413, 414, 417, 431, 501, 503,
    /// 505) and the router's 404 and 405 are answered in the API's error
    /// shape, `{"error": {"code", "message", "message_ja", "message_en"}}`,
    /// with the server's stable code (`HTTPProtocolError.Code`): a client of
    /// this API parses one error format, whichever layer refused
    /// (docs/API.md). The router's, which have a request, are in its
    /// language; the server's own, refused before a request could be read,
    /// in Japanese.
    public static func router(for endpoints: [Endpoint] = endpoints, service: CenterService,
                              metrics: APIMetrics = APIMetrics()) throws(RouteError) -> Router {
        var router = Router()
        router.protocolErrorResponder = { APIResponse.error($0.status, code: $0.code.rawValue, message: $0.message) }
        router.requestErrorResponder = { error, request in
            APIResponse.error(error.status, code: error.code.rawValue, message: error.message, language: language(of: request))
        }
        let resources = APIResources(service: service, metrics: metrics)
        for endpoint in endpoints {
            var immediate: HTTPImmediateHandler?
            if let handle = endpoint.immediate {
                let slots = ImmediateSlots(method: metrics.slot(endpoint.path, method: endpoint.method.rawValue),
                                           head: metrics.slot(endpoint.path, method: HTTPMethod.HEAD.rawValue))
                immediate = { request in
                    answerAtOnce(endpoint, handle, request: request, service: service, resources: resources, slots: slots)
                }
            }
            try router.add(endpoint.method, endpoint.path, placement: endpoint.placement, headCheck: { head in
                await admit(endpoint, head: head, service: service, resources: resources)
            }, immediate: immediate) { request in
                await run(endpoint, request: request, service: service, resources: resources)
            }
        }
        return router
    }

    /// The OpenAPI document, built once on first use.
    static let openAPIDocument: [UInt8] = OpenAPIDocument.build(endpoints: endpoints).serialized()

    static func run(_ endpoint: Endpoint, request: HTTPRequest, service: CenterService, resources: APIResources) async -> HTTPResponse {
        let started = ContinuousClock.now
        let response = await answer(endpoint, request: request, service: service, resources: resources)
        let elapsed = ContinuousClock.now - started
        resources.metrics.recordRoute(endpoint.path, method: request.method.rawValue, status: response.status.code,
                                      seconds: APIMetrics.seconds(elapsed))
        return response
    }

    /// The endpoint's immediate answer (`Endpoint.immediate`), on the event
    /// loop: only for an endpoint anyone may call, a request without an
    /// `Authorization` field (so there is no token to check: the caller is
    /// anonymous, as `authorize` would find) and without a body, whose query
    /// the endpoint accepts. Anything else, and whatever the handler leaves
    /// (nil or a throw), goes the usual way through `run`, which answers
    /// it, refusals included. No request id is bound (`withRequestID`): an
    /// immediate handler only reads. Counted in the route's metrics like
    /// any other answer.
    static func answerAtOnce(_ endpoint: Endpoint, _ handle: @Sendable (RequestContext) throws -> HTTPResponse?,
                             request: HTTPRequest, service: CenterService, resources: APIResources,
                             slots: ImmediateSlots) -> HTTPResponse? {
        guard endpoint.access == .anyone, request.body.isEmpty, request.headers["authorization"] == nil else { return nil }
        let started = ContinuousClock.now
        guard (try? endpoint.checkQuery(of: request)) != nil,
              let response = try? handle(RequestContext(request: request, actor: nil, service: service, resources: resources,
                                                        successStatus: endpoint.successStatus)) else { return nil }
        let seconds = APIMetrics.seconds(ContinuousClock.now - started)
        if request.method == endpoint.method {
            resources.metrics.recordRoute(slot: slots.method, status: response.status.code, seconds: seconds)
        } else if request.method == .HEAD {
            resources.metrics.recordRoute(slot: slots.head, status: response.status.code, seconds: seconds)
        } else {
            resources.metrics.recordRoute(endpoint.path, method: request.method.rawValue, status: response.status.code,
                                          seconds: seconds)
        }
        return response
    }

    /// Where an immediate endpoint's answers are counted: under its method,
    /// and under HEAD (answered by a GET route).
    struct ImmediateSlots: Sendable {
        let method: Int
        let head: Int
    }

    /// Authenticates, checks the role and runs the handler, under the
    /// request's id (so the audit lines of its writes carry it). A failure
    /// answered 5xx is logged at `error` with the request id, the route and
    /// the cause (SQLite's code and message for a store error); the client
    /// sees only the stable error code.
    static func answer(_ endpoint: Endpoint, request: HTTPRequest, service: CenterService, resources: APIResources) async -> HTTPResponse {
        await CenterService.withRequestID(request.requestID) {
            do {
                let actor = try await authorize(endpoint, request: request, service: service)
                try endpoint.checkQuery(of: request)
                try endpoint.checkNoBody(of: request)
                return try await endpoint.handle(RequestContext(request: request, actor: actor, service: service, resources: resources,
                                                              successStatus: endpoint.successStatus))
            } catch {
                let (response, refusal) = ErrorMapping.answer(for: error, language: language(of: request), names: resources.names,
                                                              answers: resources.refusalAnswers)
                if let refusal, !endpoint.declares(refusal) {
                    resources.metrics.recordUnlisted(refusal.codeName, route: endpoint.path, method: request.method.rawValue)
                    service.log.error("refusal not listed for the operation", [
                        ("request_id", request.requestID), ("method", request.method.rawValue), ("route", endpoint.path),
                        ("code", refusal.codeName),
                    ])
                }
                if response.status.code >= 500 {
                    service.log.error("request failed", [("request_id", request.requestID), ("method", request.method.rawValue),
                                                         ("route", endpoint.path), ("status", String(response.status.code))]
                                        + ServiceLog.cause(of: error))
                }
                return response
            }
        }
    }

    /// The language `request` prefers for its messages (Japanese unless it
    /// asks for English: `Language.preferred`).
    static func language(of request: HTTPRequest) -> Language {
        Language.preferred(acceptLanguage: request.headers["accept-language"])
    }

    /// The caller of `request`, checked against the endpoint's access: 401
    /// for a missing (where a role is needed), unknown, revoked or expired
    /// token, 403 for a role the endpoint does not admit.
    static func authorize(_ endpoint: Endpoint, request: HTTPRequest, service: CenterService) async throws -> Actor? {
        let actor = try await service.accounts.authenticate(authorization: request.headers["authorization"])
        if case .roles(let allowed) = endpoint.access {
            guard let actor else { throw AuthError.missingToken }
            guard allowed.contains(actor.role) else {
                throw AuthError.forbidden("the \(actor.role.rawValue) role may not call \(endpoint.method.rawValue) \(endpoint.path)")
            }
        }
        return actor
    }

    /// `Expect: 100-continue`: the token is checked on the head alone, so a
    /// request that would get 401 or 403 gets it before the client uploads
    /// its body (nil lets the body come). Counted in the route's metrics
    /// like any other answer.
    static func admit(_ endpoint: Endpoint, head: HTTPRequest, service: CenterService, resources: APIResources) async -> HTTPResponse? {
        let started = ContinuousClock.now
        do {
            _ = try await authorize(endpoint, request: head, service: service)
            return nil
        } catch {
            let response = ErrorMapping.response(for: error, language: language(of: head))
            resources.metrics.recordRoute(endpoint.path, method: head.method.rawValue, status: response.status.code,
                                          seconds: APIMetrics.seconds(ContinuousClock.now - started))
            return response
        }
    }
}
