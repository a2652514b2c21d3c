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

    @Test func malformedJSONIsReportedAtTheRoot() {
        #expect(throws: JSONProblem(path: "$", message: "the document is not valid JSON")) {
            _ = try JSONInput.decode(Catalogue.self, from: Array(#"{"rooms": ["#.utf8))
        }
    }
}
