import CalendarValues
import CenterDomain
import JSON

/// A booking request read from its JSON body (`POST /bookings`), on every
/// request: the generic `Decodable` path through `JSONValueDecoder` cost
/// as much as the rest of the request's own checks together.
///
/// The body is parsed by the same strict `JSONReader` (a syntax error or a
/// repeated field is refused by it, as before). A body that is exactly
/// what the rules expect (an object of the request's fields, each of its
/// type and range, every string accepted by `TextRule.anyText`) is then
/// read here field by field; anything else (an unknown field, a wrong type,
/// a number out of range or with a fraction, a null, `hours` or
/// `coupling_approval`, a list too long, a date that is no day) is handed to
/// `JSONInput.decodeRequest`, which reads it as it always has and says what
/// is wrong with the same code and message. So this path only ever accepts
/// what the generic one accepts, with the same value
/// (`BookingRequestJSONTests`).
extension BookingRequest {
    /// The request in `body`, or the `JSONProblem` `JSONInput.decodeRequest` reports.
    public static func decodeBody(_ body: [UInt8]) throws(JSONProblem) -> BookingRequest {
        if let value = try? JSONReader.parse(body), let request = direct(value) { return request }
        return try JSONInput.decodeRequest(BookingRequest.self, from: body)
    }

    /// The request read straight from `value`, or nil for anything but a
    /// plain, valid request (which the generic decoder then reads).
    static func direct(_ value: JSONValue) -> BookingRequest? {
        guard case .object(let pairs) = value else { return nil }
        var facility: FacilityID?, date: LocalDate?, divisions: [DivisionID]?, registration: Int64?
        var purpose: String?, attendees: Int?
        var days = 1, admissionCharged = 0, commercial = false, guardian: String?, exemptions: [String] = []
        for (key, field) in pairs {
            switch key {
            case "facility": guard let text = text(field) else { return nil }; facility = FacilityID(text)
            case "date":
                guard let text = text(field), let day = try? DateInput.date(text) else { return nil }
                date = day
            case "divisions": guard let list = texts(field) else { return nil }; divisions = list.map { DivisionID(rawValue: $0) }
            case "days": guard let number = integer(field, in: dayRange) else { return nil }; days = number
            case "registration":
                guard let number = integer(field, in: Int(InputRange.id.lowerBound)...Int(InputRange.id.upperBound)) else { return nil }
                registration = Int64(number)
            case "purpose": guard let text = text(field) else { return nil }; purpose = text
            case "attendees": guard let number = integer(field, in: attendeeRange) else { return nil }; attendees = number
            case "admission_charged": guard let number = integer(field, in: InputRange.yen) else { return nil }; admissionCharged = number
            case "commercial": guard case .bool(let flag) = field else { return nil }; commercial = flag
            case "guardian": guard let text = text(field) else { return nil }; guardian = text
            case "exemptions": guard let list = texts(field) else { return nil }; exemptions = list
            default: return nil
            }
        }
        guard let facility, let date, let divisions, let registration, let purpose, let attendees else { return nil }
        return BookingRequest(facility: facility, date: date, divisions: divisions, days: days, registration: registration,
                              purpose: purpose, attendees: attendees, admissionCharged: admissionCharged,
                              commercial: commercial, guardian: guardian, exemptions: exemptions)
    }

    /// A string as every request body's string is accepted (`TextRule.anyText`).
    private static func text(_ value: JSONValue) -> String? {
        guard case .string(let text) = value else { return nil }
        return try? TextRule.anyText.accept(text)
    }

    /// A list of at most `JSONInput.maximumListCount` strings.
    private static func texts(_ value: JSONValue) -> [String]? {
        guard case .array(let items) = value, items.count <= JSONInput.maximumListCount else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for item in items {
            guard let text = text(item) else { return nil }
            texts.append(text)
        }
        return texts
    }

    /// An integer written without fraction or exponent, within `range`.
    private static func integer(_ value: JSONValue, in range: ClosedRange<Int>) -> Int? {
        guard case .int(let number) = value, range.contains(number) else { return nil }
        return number
    }
}
