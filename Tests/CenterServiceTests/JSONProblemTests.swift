import Testing
@testable import CenterService

struct JSONProblemTests {
    struct Room: Decodable {
        let id: String
        let capacity: Int
    }

    struct Catalogue: Decodable {
        let rooms: [Room]
    }

    @Test func missingFieldIsReportedWithItsPath() {
        #expect(throws: JSONProblem(path: "$.rooms[1].capacity", message: "required field is missing")) {
            _ = try JSONInput.decode(Catalogue.self, from: Array(#"{"rooms":[{"id":"a","capacity":1},{"id":"b"}]}"#.utf8))
        }
    }

    @Test func wrongTypeIsReportedWithItsPath() {
        do {
            _ = try JSONInput.decode(Catalogue.self, from: Array(#"{"rooms":[{"id":"a","capacity":"ten"}]}"#.utf8))
            Issue.record("decoding should fail")
        } catch {
            #expect(error.path == "$.rooms[0].capacity")
            #expect(error.message.hasPrefix("expected an integer"))
        }
    }

    @Test func malformedJSONIsReportedWhereItBreaks() {
        #expect(throws: JSONProblem(path: "$.rooms[0]", message: "the document is not valid JSON: the JSON text ends where a value should be (line 1, column 12)",
                                    kind: .malformed)) {
            _ = try JSONInput.decode(Catalogue.self, from: Array(#"{"rooms": ["#.utf8))
        }
    }

    @Test func aRepeatedFieldIsItsOwnProblem() {
        #expect(throws: JSONProblem(path: "$.rooms[0].id", message: "the field `id` appears more than once", kind: .duplicateField)) {
            _ = try JSONInput.decode(Catalogue.self, from: Array(#"{"rooms":[{"id":"a","id":"b","capacity":1}]}"#.utf8))
        }
    }

    @Test func aConfigurationFileMayHoldFieldsOtherTypesRead() throws {
        let catalogue = try JSONInput.decode(Catalogue.self, from: Array(#"{"rooms":[],"calendar":{}}"#.utf8))
        #expect(catalogue.rooms.isEmpty)
    }

    @Test func aRequestBodyMayNotHoldFieldsItsTypeDoesNotRead() {
        #expect(throws: JSONProblem(path: "$.calendar", message: "there is no field `calendar` here", kind: .unknownField)) {
            _ = try JSONInput.decodeRequest(Catalogue.self, from: Array(#"{"rooms":[],"calendar":{}}"#.utf8))
        }
    }

    @Test func aRequestBodyStringIsStoredInNFC() throws {
        struct Name: Decodable { let name: String }
        let name = try JSONInput.decodeRequest(Name.self, from: Array("{\"name\":\"\u{304B}\u{3099}\"}".utf8)).name
        #expect(name.unicodeScalars.map(\.value) == [0x304C])
    }

    @Test func aRequestBodyStringMayNotHoldControlCharacters() {
        struct Name: Decodable { let name: String }
        #expect(throws: JSONProblem(path: "$.name", message: "must not hold control characters (U+001B found)")) {
            _ = try JSONInput.decodeRequest(Name.self, from: Array(#"{"name":"a\u001b[31m"}"#.utf8))
        }
    }
}
