import CenterService
import HTTPServer

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

    /// The authenticated caller, or `unauthorized` (401) when the request is
    /// anonymous. The router lets a role-limited endpoint run only with a
    /// token, so its handler always gets one; this is how handlers read it.
    public func caller() throws(AuthError) -> Actor {
        guard let actor else { throw AuthError.missingToken }
        return actor
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
    public let successStatus: Int
    public let response: JSONValue
    public let contentType: String
    public let errorCodes: [String]
    public let handle: @Sendable (RequestContext) async throws -> HTTPResponse

    public init(_ method: HTTPMethod, _ path: String, summary: String, tag: String, access: Access,
                parameters: [QueryParameter] = [], requestBody: JSONValue? = nil, successStatus: Int = 200,
                response: JSONValue, contentType: String = "application/json", errorCodes: [String] = [],
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
        let dateCode = parameters.contains(where: \.takesCalendarValue) && !errorCodes.contains("date_out_of_range")
        self.errorCodes = errorCodes + (dateCode ? ["date_out_of_range"] : [])
        self.handle = handle
    }
}
