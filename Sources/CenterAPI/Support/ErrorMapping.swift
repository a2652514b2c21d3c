import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import Roadmap
import Store

/// The one place where errors of every module become HTTP statuses and the
/// JSON error body (docs/API.md): domain refusals 409, invalid values 422, unknown
/// things 404, roadmap rules 404/409/422, sign-up codes 404/409, auth 401/403, bodies that are not JSON or repeat a field 400, unknown
/// fields and bad values 422, anything else 500.
public enum ErrorMapping {
    public static func response(for error: any Error) -> HTTPResponse {
        switch error {
        case let e as DomainError:
            let status: HTTPStatus = switch e.kind {
            case .conflict: .conflict
            case .invalid: .unprocessableContent
            case .notFound: .notFound
            case .forbidden: .forbidden
            }
            return APIResponse.error(status, code: e.code, message: e.message, details: e.details)
        case let e as AuthError:
            if case .forbidden = e { return APIResponse.error(.forbidden, code: e.code, message: e.message) }
            var response = APIResponse.error(.unauthorized, code: e.code, message: e.message)
            response.headers.set("www-authenticate", "Bearer")
            return response
        case let e as RequestError:
            return APIResponse.error(e.status, code: e.code, message: e.message, details: e.details)
        case let e as SignUpCodeError:
            let (status, id): (HTTPStatus, Int64) = switch e {
            case .registrationNotFound(let id): (.notFound, id)
            case .registrationErased(let id): (.conflict, id)
            }
            return APIResponse.error(status, code: e.code, message: e.messageEn, details: ["registration": String(id)])
        case let e as RoadmapError:
            let status: HTTPStatus = switch e.code {
            case RoadmapError.unknownItem: .notFound
            case RoadmapError.dependencyNotDone, RoadmapError.itemDone: .conflict
            default: .unprocessableContent
            }
            return APIResponse.error(status, code: e.code, message: e.message)
        case let e as DisplacementUnconfirmed:
            return APIResponse.json(DisplacementRefusal(e), status: .conflict)
        case let e as JSONProblem:
            let (status, code): (HTTPStatus, String) = switch e.kind {
            case .malformed: (.badRequest, "invalid_json")
            case .duplicateField: (.badRequest, "duplicate_field")
            case .unknownField: (.unprocessableContent, "unknown_field")
            case .invalidValue: (.unprocessableContent, "invalid_body")
            }
            return APIResponse.error(status, code: code, message: e.description, details: ["path": e.path])
        case is StoreError:
            return APIResponse.error(.internalServerError, code: "internal_error",
                                     message: "the database could not complete the request")
        default:
            return APIResponse.error(.internalServerError, code: "internal_error", message: "an unexpected error occurred")
        }
    }
}

/// A request the API refuses before any rule runs: bad query parameters,
/// wrong content type, malformed JSON.
public struct RequestError: Error, Sendable {
    public let status: HTTPStatus
    public let code: String
    public let message: String
    public let details: [String: String]

    public init(_ status: HTTPStatus, _ code: String, _ message: String, details: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    /// A missing or malformed query parameter (422).
    public static func invalidParameter(_ name: String, _ message: String) -> RequestError {
        RequestError(.unprocessableContent, "invalid_parameter", message, details: ["parameter": name])
    }

    /// A well-formed date, month or instant parameter outside the supported
    /// dates (422 `date_out_of_range`), naming the range.
    public static func dateOutOfRange(_ name: String, _ error: DateOutOfRange) -> RequestError {
        RequestError(.unprocessableContent, "date_out_of_range", "`\(name)` \(error.message)", details: ["parameter": name])
    }
}

/// The 409 of a roadmap change that displaces bookings or desk passes
/// without the matching `confirm_displaced`: the usual error shape, with
/// the count, the number confirmed, and the dry run as it stands now in
/// `details`.
struct DisplacementRefusal: Encodable {
    struct Details: Encodable {
        let displacedCount: String
        let confirmDisplaced: String?
        let dryRun: RoadmapChange

        enum CodingKeys: String, CodingKey {
            case displacedCount = "displaced_count", confirmDisplaced = "confirm_displaced", dryRun = "dry_run"
        }
    }

    struct Body: Encodable {
        let code: String
        let message: String
        let details: Details
    }

    let error: Body

    init(_ refusal: DisplacementUnconfirmed) {
        error = Body(code: "displacement_unconfirmed", message: refusal.message,
                     details: Details(displacedCount: String(refusal.change.displacedCount),
                                      confirmDisplaced: refusal.confirmed.map(String.init), dryRun: refusal.change))
    }
}
