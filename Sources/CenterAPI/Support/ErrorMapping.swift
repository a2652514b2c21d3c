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

    /// The message in Japanese where the place that refused says it more
    /// exactly than the code's template (`MessageCatalogue`).
    public let japanese: String?

    public init(_ code: InputCode, _ message: String, details: [String: String] = [:], japanese: String? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.japanese = japanese
    }

    /// A missing or malformed query parameter, with its Japanese.
    public static func invalidParameter(_ name: String, _ message: String, japanese: String? = nil) -> RequestError {
        RequestError(.invalidParameter, message, details: ["parameter": name], japanese: japanese)
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
/// docs/API.md, its message in the asker's language (`Language`, from
/// `Accept-Language`) with both languages beside it; anything that is not a
/// refusal is a 500 that says only that.
public enum ErrorMapping {
    /// What a failed request is answered in `language`, and the refusal
    /// answered when it was one. `names` gives the Japanese names of the ids
    /// details carry (facilities); `answers`, the refusals' answers already
    /// made with those names (`RefusalAnswers`).
    public static func answer(for error: any Error, language: Language = .ja,
                              names: [String: String] = [:]) -> (response: HTTPResponse, refusal: (any AnyRefusal)?) {
        answer(for: error, language: language, names: names, answers: nil)
    }

    static func answer(for error: any Error, language: Language, names: [String: String],
                       answers: RefusalAnswers?) -> (response: HTTPResponse, refusal: (any AnyRefusal)?) {
        switch error {
        case let e as any ServiceErrorProtocol:
            if let refusal = e.refusal { return (response(for: refusal, language: language, names: names, answers: answers), refusal) }
            return (failure(isDatabase: e.failure?.isDatabaseFailure ?? false, language: language), nil)
        case let e as any AnyRefusal:
            return (response(for: e, language: language, names: names, answers: answers), e)
        case let e as AuthError:
            var response = APIResponse.error(e.code.status, code: e.code.rawValue, message: e.message, language: language)
            if e.code.status == .unauthorized { response.headers.set("www-authenticate", "Bearer") }
            return (response, nil)
        case let e as RequestError:
            return (APIResponse.error(e.code.status, code: e.code.rawValue, message: e.message, details: e.details,
                                      language: language, japanese: e.japanese), nil)
        case let e as JSONProblem:
            let code: InputCode = switch e.kind {
            case .malformed: .invalidJSON
            case .duplicateField: .duplicateField
            case .unknownField: .unknownField
            case .invalidValue: .invalidBody
            }
            return (APIResponse.error(code.status, code: code.rawValue, message: e.description, details: ["path": e.path],
                                      language: language, japanese: JapaneseInput.message(for: e)), nil)
        default:
            return (failure(isDatabase: CenterService.isDatabaseFailure(error), language: language), nil)
        }
    }

    /// The answer alone.
    public static func response(for error: any Error, language: Language = .ja) -> HTTPResponse {
        answer(for: error, language: language).response
    }

    /// A refusal with its code's status; a code of a set without one (none
    /// can be declared) is a failure. Without an attachment, the answer is
    /// the one `answers` keeps for the same refusal, when it keeps one.
    static func response(for refusal: any AnyRefusal, language: Language, names: [String: String],
                         answers: RefusalAnswers? = nil) -> HTTPResponse {
        guard let status = (refusal.anyCode as? any APIErrorCode)?.status else { return failure(isDatabase: false, language: language) }
        let make = {
            APIResponse.error(status, code: refusal.codeName, message: refusal.message, details: refusal.details,
                              attachment: refusal.attachment, language: language, names: names)
        }
        guard let answers, refusal.attachment == nil else { return make() }
        return answers.answer(RefusalAnswers.Key(status: status.code, code: refusal.codeName, message: refusal.message,
                                                 details: refusal.details, language: language), make: make)
    }

    private static func failure(isDatabase: Bool, language: Language) -> HTTPResponse {
        APIResponse.error(.internalServerError, code: "internal_error",
                          message: isDatabase ? "the database could not complete the request" : "an unexpected error occurred",
                          language: language)
    }
}
