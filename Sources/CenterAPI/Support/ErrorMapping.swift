import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// The codes the API itself answers before any use case runs: the query,
/// the body, its media type. Every operation may answer those its inputs
/// allow (`Endpoint.errorCodes`).
public enum InputCode: String, APIErrorCode {
    case invalidParameter = "invalid_parameter"
    case unknownParameter = "unknown_parameter"
    case duplicateParameter = "duplicate_parameter"
    case dateOutOfRange = "date_out_of_range"
    case unsupportedMediaType = "unsupported_media_type"
    case invalidJSON = "invalid_json"
    case duplicateField = "duplicate_field"
    case unknownField = "unknown_field"
    case invalidBody = "invalid_body"

    public var status: HTTPStatus {
        switch self {
        case .invalidJSON, .duplicateField: .badRequest
        case .unsupportedMediaType: .unsupportedMediaType
        case .invalidParameter, .unknownParameter, .duplicateParameter, .dateOutOfRange, .unknownField, .invalidBody:
            .unprocessableContent
        }
    }
}

/// A request the API refuses before any rule runs: a bad query parameter,
/// a wrong content type, a body that is not the JSON it takes.
public struct RequestError: Error, Sendable {
    public let code: InputCode
    public let message: String
    public let details: [String: String]

    public init(_ code: InputCode, _ message: String, details: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// A missing or malformed query parameter.
    public static func invalidParameter(_ name: String, _ message: String) -> RequestError {
        RequestError(.invalidParameter, message, details: ["parameter": name])
    }

    /// A date, month or instant parameter `DateInput` refused: malformed
    /// (`invalid_parameter`, "`date`: no such day: …") or a real one outside
    /// the supported dates (`date_out_of_range`, "`date` must be from …").
    public static func refusedDate(_ name: String, _ refusal: DateInput.Refusal) -> RequestError {
        switch refusal {
        case .malformed(let message):
            invalidParameter(name, "`\(name)`: \(message)")
        case .outOfRange(let range):
            RequestError(.dateOutOfRange, "`\(name)` \(range.message)", details: ["parameter": name])
        }
    }
}

/// The one place where errors of every module become an HTTP answer: the
/// status of the code (`APIErrorCode`) and the JSON error body of
/// docs/API.md; anything that is not a refusal is a 500 that says only that.
public enum ErrorMapping {
    /// What a failed request is answered, and the refusal answered when it was one.
    public static func answer(for error: any Error) -> (response: HTTPResponse, refusal: (any AnyRefusal)?) {
        switch error {
        case let e as any ServiceErrorProtocol:
            if let refusal = e.refusal { return (response(for: refusal), refusal) }
            return (failure(isDatabase: e.failure?.isDatabaseFailure ?? false), nil)
        case let e as any AnyRefusal:
            return (response(for: e), e)
        case let e as AuthError:
            var response = APIResponse.error(e.code.status, code: e.code.rawValue, message: e.message)
            if e.code.status == .unauthorized { response.headers.set("www-authenticate", "Bearer") }
            return (response, nil)
        case let e as RequestError:
            return (APIResponse.error(e.code.status, code: e.code.rawValue, message: e.message, details: e.details), nil)
        case let e as JSONProblem:
            let code: InputCode = switch e.kind {
            case .malformed: .invalidJSON
            case .duplicateField: .duplicateField
            case .unknownField: .unknownField
            case .invalidValue: .invalidBody
            }
            return (APIResponse.error(code.status, code: code.rawValue, message: e.description, details: ["path": e.path]), nil)
        default:
            return (failure(isDatabase: CenterService.isDatabaseFailure(error)), nil)
        }
    }

    /// The answer alone.
    public static func response(for error: any Error) -> HTTPResponse { answer(for: error).response }

    /// A refusal with its code's status; a code of a set without one (none
    /// can be declared) is a failure.
    static func response(for refusal: any AnyRefusal) -> HTTPResponse {
        guard let status = (refusal.anyCode as? any APIErrorCode)?.status else { return failure(isDatabase: false) }
        return APIResponse.error(status, code: refusal.codeName, message: refusal.message, details: refusal.details,
                                 attachment: refusal.attachment)
    }

    private static func failure(isDatabase: Bool) -> HTTPResponse {
        APIResponse.error(.internalServerError, code: "internal_error",
                          message: isDatabase ? "the database could not complete the request" : "an unexpected error occurred")
    }
}
