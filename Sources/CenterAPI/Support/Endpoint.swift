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
}

/// What a handler receives: the request, the authenticated caller (nil when
/// anonymous) and the service.
public struct RequestContext: Sendable {
    public let request: HTTPRequest
    public let actor: Actor?
    public let service: CenterService
    public let resources: APIResources
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
    /// Responses beside success and the `Error` ones, each with its own
    /// body schema (`/health`'s 503): status, description, JSON schema.
    public let otherResponses: [OtherResponse]
    public let handle: @Sendable (RequestContext) async throws -> HTTPResponse

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

    public init(_ method: HTTPMethod, _ path: String, summary: String, tag: String, access: Access,
                parameters: [QueryParameter] = [], requestBody: JSONValue? = nil, successStatus: Int = 200,
                response: JSONValue, contentType: String = "application/json", errorCodes: [String] = [],
                otherResponses: [OtherResponse] = [],
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
        self.errorCodes = errorCodes
        self.otherResponses = otherResponses
        self.handle = handle
    }
}
