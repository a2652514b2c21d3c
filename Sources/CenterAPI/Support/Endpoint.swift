import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Who may call an endpoint: anyone (public), or the listed roles.
public enum Access: Sendable, Equatable {
    case anyone
    case roles(Set<Role>)

    public static let staff: Access = .roles([.admin, .staff])
    public static let admin: Access = .roles([.admin])
    public static let planner: Access = .roles([.admin, .planner])
    public static let staffOrMember: Access = .roles([.admin, .staff, .member])
}

/// A query parameter as the OpenAPI document describes it.
public struct QueryParameter: Sendable {
    public let name: String
    public let required: Bool
    public let schema: JSONValue
    public let description: String

    public init(_ name: String, required: Bool = false, schema: JSONValue = ["type": "string"], _ description: String) {
        self.name = name
        self.required = required
        self.schema = schema
        self.description = description
    }

    /// Whether the parameter is a date, a month or an instant, which must be
    /// within the supported dates (`date_out_of_range`).
    var takesCalendarValue: Bool {
        schema["format"] == "date" || schema["format"] == "date-time" || schema == Schemas.Field.month.schema
    }
}

/// What a handler receives: the request, the authenticated caller (nil when
/// anonymous) and the service.
public struct RequestContext: Sendable {
    public let request: HTTPRequest
    public let actor: Actor?
    public let service: CenterService
    public let resources: APIResources
    /// The endpoint's success status: how a recorded outcome is answered.
    public let successStatus: HTTPStatus

    /// The authenticated caller, or `unauthorized` (401) when the request is
    /// anonymous. The router lets a role-limited endpoint run only with a
    /// token, so its handler always gets one; this is how handlers read it.
    public func caller() throws(AuthError) -> Actor {
        guard let actor else { throw AuthError.missingToken }
        return actor
    }

    /// A recorded write's outcome as this endpoint answers it: the success
    /// status and the value's JSON; a replay says so in `Idempotent-Replayed`.
    public func answer<T>(_ recorded: Recorded<T>) -> HTTPResponse {
        var headers: HTTPHeaders = ["content-type": "application/json"]
        if recorded.replayed { headers.set("idempotent-replayed", "true") }
        return HTTPResponse(status: successStatus, headers: headers, body: recorded.json)
    }
}

/// One route of the API with everything the OpenAPI document says of it.
/// The router and the document are built from the same list, so they cannot
/// disagree.
public struct Endpoint: Sendable {
    public let method: HTTPMethod
    public let path: String
    public let summary: String
    public let tag: String
    public let access: Access
    public let parameters: [QueryParameter]
    public let requestBody: JSONValue?
    /// The status of a success, fresh or replayed.
    public let successStatus: HTTPStatus
    public let response: JSONValue
    public let contentType: String
    /// Every code the operation can answer, each with its status: the
    /// access and input codes its declaration allows, then the refusals of
    /// the use case it runs (its `refusals` type's cases).
    public let errors: [DocumentedError]
    /// Responses beside success and the `Error` ones, each with its own
    /// body schema (`/health`'s 503): status, description, JSON schema.
    public let otherResponses: [OtherResponse]
    public let handle: @Sendable (RequestContext) async throws -> HTTPResponse
    /// Where the handler runs (docs/SERVER.md §1.16): `.onLoop` only for a
    /// handler that is quick and waits only by suspending (a read, the
    /// writer), on the paths every client calls.
    public let placement: HandlerPlacement
    /// The handler's synchronous form, for an endpoint anyone may call whose
    /// answer needs no wait (a cached body, the health probe's last result):
    /// run on the event loop with no task for a request that has no
    /// `Authorization` field and no body (`CenterAPI.answerAtOnce`). It
    /// returns nil, or throws, to leave the request to `handle`, which then
    /// answers it as it would any other.
    public let immediate: (@Sendable (RequestContext) throws -> HTTPResponse?)?
    /// Whether a refusal is one the endpoint declares.
    let declares: @Sendable (any AnyRefusal) -> Bool

    /// A code the operation answers, and how.
    public struct DocumentedError: Sendable, Hashable {
        public let code: String
        public let status: HTTPStatus
    }

    /// A documented response that is neither the success nor an `Error`.
    public struct OtherResponse: Sendable {
        public let status: Int
        public let description: String
        public let schema: JSONValue

        public init(_ status: Int, _ description: String, schema: JSONValue) {
            self.status = status
            self.description = description
            self.schema = schema
        }
    }

    /// An operation whose handler runs a use case refusing with `Codes`
    /// (its `typealias`, or one code set); `NoRefusal` for one that only reads.
    public init<Codes: APIErrorCode>(_ method: HTTPMethod, _ path: String, summary: String, tag: String, access: Access,
                                       parameters: [QueryParameter] = [], requestBody: JSONValue? = nil,
                                       successStatus: HTTPStatus = .ok, response: JSONValue,
                                       contentType: String = "application/json", refusals: Codes.Type,
                                       otherResponses: [OtherResponse] = [], placement: HandlerPlacement = .offLoop,
                                       immediate: (@Sendable (RequestContext) throws -> HTTPResponse?)? = nil,
                                       handle: @escaping @Sendable (RequestContext) async throws -> HTTPResponse) {
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.access = access
        self.parameters = parameters
        self.requestBody = requestBody
        self.successStatus = successStatus
        self.response = response
        self.contentType = contentType
        self.otherResponses = otherResponses
        self.handle = handle
        self.placement = placement
        self.immediate = immediate
        declares = { Codes.lift($0) != nil }
        var errors: [DocumentedError] = []
        for error in Self.centralErrors(access: access, parameters: parameters, takesBody: requestBody != nil)
            + Codes.allCases.map({ DocumentedError(code: $0.rawValue, status: $0.status) })
            where !errors.contains(where: { $0.code == error.code }) {
            errors.append(error)
        }
        self.errors = errors
    }

    /// The codes of `errors`, in order.
    public var errorCodes: [String] { errors.map(\.code) }

    /// What every operation may answer before its use case runs, by its
    /// declaration: the token (`AuthError`), the query (`checkQuery`, the
    /// parameters' own readers), and the body (`decodeBody`; one that takes
    /// none still refuses one that is not an empty object).
    static func centralErrors(access: Access, parameters: [QueryParameter], takesBody: Bool) -> [DocumentedError] {
        let auth: [AuthError.Code] = access == .anyone ? [.invalidToken] : [.unauthorized, .invalidToken, .forbidden]
        var input: [InputCode] = [.unknownParameter, .duplicateParameter]
        if !parameters.isEmpty { input.append(.invalidParameter) }
        if parameters.contains(where: \.takesCalendarValue) { input.append(.dateOutOfRange) }
        input += [.unsupportedMediaType, .invalidJSON, .duplicateField, .unknownField]
        if takesBody { input.append(.invalidBody) }
        return auth.map { DocumentedError(code: $0.rawValue, status: $0.status) }
            + input.map { DocumentedError(code: $0.rawValue, status: $0.status) }
    }

    /// Refuses a query parameter the endpoint does not declare
    /// (`unknown_parameter`) or one given twice (`duplicate_parameter`),
    /// both 422 naming it, so `POST /bookings?dry_run=true` cannot book for
    /// real and `?from=…&from=…` cannot mean whichever one is read. The
    /// declared list is the one the OpenAPI document shows, so the check
    /// and the contract cannot drift apart.
    func checkQuery(of request: HTTPRequest) throws(RequestError) {
        var seen = Set<String>()
        for (name, _) in request.query {
            guard parameters.contains(where: { $0.name == name }) else {
                let accepted = parameters.isEmpty ? "it takes none"
                    : "it takes " + parameters.map { "`\($0.name)`" }.joined(separator: ", ")
                var details = ["parameter": name]
                if !parameters.isEmpty { details["accepted"] = parameters.map(\.name).joined(separator: ", ") }
                throw RequestError(.unknownParameter,
                                   "\(method.rawValue) \(path) has no query parameter \(TextRule.echo(name)); \(accepted)",
                                   details: details)
            }
            guard seen.insert(name).inserted else {
                throw RequestError(.duplicateParameter,
                                   "the query parameter `\(name)` is given more than once", details: ["parameter": name])
            }
        }
    }

    /// An endpoint that takes no body takes at most an empty JSON object:
    /// `POST /bookings/1/payment` with `{"amount":5000}` is refused
    /// (`unknown_field`) rather than recorded as if the amount meant
    /// something.
    func checkNoBody(of request: HTTPRequest) throws {
        guard requestBody == nil, !request.body.isEmpty else { return }
        _ = try request.decodeBody(NoFields.self)
    }

    /// An object with no fields.
    private struct NoFields: Decodable {
        private enum CodingKeys: CodingKey {}

        init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
    }
}
