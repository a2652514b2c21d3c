import CenterDomain
import HTTPServer
import JSON

/// Building JSON responses, with the service's one codec (`JSONCodec`: the
/// bytes the audit log and the idempotency records hold for the same value).
public enum APIResponse {
    /// `value` encoded as JSON with `status`.
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) -> HTTPResponse {
        do {
            let body = try JSONCodec.encode(value)
            return HTTPResponse(status: status, headers: ["content-type": "application/json"], body: body)
        } catch {
            return self.error(.internalServerError, code: "internal_error", message: "the response could not be encoded")
        }
    }

    /// A hand-built JSON document.
    public static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["content-type": "application/json"], body: value.serialized())
    }

    /// The error shape of docs/API.md: `{"error": {"code", "message",
    /// "message_ja", "message_en", "details"}}`. `message` (English, as the
    /// refusal says it) is answered in `language`: the Japanese is
    /// `japanese` when the caller has it, else the code's template filled
    /// from the details (`MessageCatalogue`, `names` naming the ids), and
    /// both are always there beside it; `Content-Language` says which
    /// `message` is. A detail echoes input (an id, a value) at most 100
    /// characters long; an attachment (a dry run) is one more member of
    /// `details`.
    public static func error(_ status: HTTPStatus, code: String, message: String,
                             details: [String: String] = [:], attachment: RefusalAttachment? = nil,
                             language: Language = .ja, names: [String: String] = [:], japanese: String? = nil) -> HTTPResponse {
        let echoedDetails = details.mapValues(echoed)
        let localized = LocalizedMessage(
            ja: japanese ?? MessageCatalogue.message(code: code, english: message, details: echoedDetails, names: names)?.ja ?? message,
            en: message)
        var error: [(String, JSONValue)] = [("code", .string(code)), ("message", .string(localized.text(in: language))),
                                            ("message_en", .string(localized.en)), ("message_ja", .string(localized.ja))]
        var members = echoedDetails.map { ($0.key, JSONValue.string($0.value)) }
        if let attachment {
            guard let value = try? JSONReader.parse(JSONCodec.encode(attachment.value)) else {
                return self.error(.internalServerError, code: "internal_error", message: "the response could not be encoded",
                                  language: language)
            }
            members.append((attachment.key, value))
        }
        if !members.isEmpty { error.append(("details", .object(members.sorted { $0.0 < $1.0 }))) }
        var response = json(.object([("error", .object(error))]), status: status)
        response.headers.set("content-language", language.rawValue)
        return response
    }

    private static func echoed(_ value: String) -> String { value.count > 100 ? String(value.prefix(100)) + "…" : value }
}
