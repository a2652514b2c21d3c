import JSON
import Testing

/// The strict decoder: exact integers, no coercions, unknown fields found.
@Suite struct JSONValueDecoderTests {
    struct Booking: Decodable, Equatable {
        let facility: String
        let attendees: Int
        let note: String?
    }

    struct Outer: Decodable {
        let inner: Inner
        let items: [Inner]
    }

    struct Inner: Decodable {
        let id: Int
    }

    enum Colour: String, Decodable, CaseIterable { case red, green }

    struct Paint: Decodable {
        let colour: Colour
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String, options: JSONValueDecoder.Options = .init()) throws -> T {
        try JSONValueDecoder(options: options).decode(T.self, from: try JSONReader.parse(Array(text.utf8)))
    }

    private func failure<T: Decodable>(_ type: T.Type, _ text: String, options: JSONValueDecoder.Options = .init()) -> (any Error)? {
        do {
            _ = try decode(T.self, text, options: options)
            return nil
        } catch {
            return error
        }
    }

    private func message(_ error: (any Error)?) -> String? {
        switch error {
        case .some(DecodingError.dataCorrupted(let c)), .some(DecodingError.typeMismatch(_, let c)),
             .some(DecodingError.valueNotFound(_, let c)):
            return "\(JSONPath.text(c.codingPath)): \(c.debugDescription)"
        default: return nil
        }
    }

    @Test func aWellFormedBodyDecodes() throws {
        #expect(try decode(Booking.self, #"{"facility":"hall","attendees":3,"note":null}"#)
            == Booking(facility: "hall", attendees: 3, note: nil))
    }

    @Test func aFieldTheTypeDoesNotReadIsRefused() {
        let error = failure(Booking.self, #"{"facility":"hall","attendees":3,"repeat":"weekly"}"#) as? UnknownJSONField
        #expect(error == UnknownJSONField(path: "$.repeat", name: "repeat"))
    }

    @Test func anUnknownFieldDeepInsideIsNamedByItsPath() {
        let error = failure(Outer.self, #"{"inner":{"id":1},"items":[{"id":2},{"id":3,"extra":true}]}"#) as? UnknownJSONField
        #expect(error == UnknownJSONField(path: "$.items[1].extra", name: "extra"))
    }

    @Test func aMisspeltRequiredFieldIsReportedAsUnknown() {
        let error = failure(Booking.self, #"{"facility":"hall","atendees":3}"#) as? UnknownJSONField
        #expect(error?.name == "atendees")
    }

    @Test func unknownFieldsMayBeAllowed() throws {
        var options = JSONValueDecoder.Options()
        options.refusesUnknownFields = false
        #expect(try decode(Inner.self, #"{"id":1,"other":2}"#, options: options).id == 1)
    }

    @Test(arguments: ["3.5", "9223372036854775808", "1e308", "-1e400"])
    func aNumberThatIsNotAnIntegerOfTheTypeIsRefused(_ number: String) {
        #expect(message(failure(Inner.self, #"{"id":\#(number)}"#))
            == "$.id: expected an integer between -9223372036854775808 and 9223372036854775807")
    }

    @Test func anIntegralNumberIsAnInteger() throws {
        #expect(try decode(Inner.self, #"{"id":1.0}"#).id == 1)
        #expect(try decode(Inner.self, #"{"id":-0}"#).id == 0)
        #expect(try decode(Inner.self, #"{"id":1e2}"#).id == 100)
    }

    @Test func aStringIsNeverANumber() {
        #expect(message(failure(Inner.self, #"{"id":"1"}"#)) == "$.id: expected an integer, found a string")
    }

    @Test func aNumberIsNeverAString() {
        #expect(message(failure(Booking.self, #"{"facility":7,"attendees":1}"#)) == "$.facility: expected a string, found a number")
    }

    @Test func nullIsNotAValue() {
        #expect(message(failure(Booking.self, #"{"facility":null,"attendees":1}"#)) == "$.facility: expected a string, found null")
    }

    @Test func anUnknownEnumValueListsTheValidOnes() {
        #expect(message(failure(Paint.self, #"{"colour":"blue"}"#)) == "$.colour: expected one of red, green")
    }

    @Test func aListLongerThanTheLimitIsRefused() {
        var options = JSONValueDecoder.Options()
        options.maximumArrayCount = 2
        #expect(message(failure([Int].self, "[1,2,3]", options: options)) == "$: at most 2 items")
    }

    @Test func everyStringPassesTheStringRule() throws {
        var options = JSONValueDecoder.Options()
        options.readString = { text throws(JSONTextRefusal) in
            guard !text.contains("!") else { throw JSONTextRefusal("no shouting") }
            return text.uppercased()
        }
        #expect(try decode([String].self, #"["a","b"]"#, options: options) == ["A", "B"])
        #expect(message(failure([String].self, #"["a","b!"]"#, options: options)) == "$[1]: no shouting")
    }

    @Test func aRefusedTextGetsTheDescribedMessage() {
        struct Day: Decodable {
            init(from decoder: any Decoder) throws {
                let text = try decoder.singleValueContainer().decode(String.self)
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad \(text)"))
            }
        }
        struct Holder: Decodable { let day: Day }
        var options = JSONValueDecoder.Options()
        options.describeRefusedText = { type, text in type == Day.self ? "no such day: \(text)" : nil }
        #expect(message(failure(Holder.self, #"{"day":"2026-02-30"}"#, options: options)) == "$.day: no such day: 2026-02-30")
    }
}
