import Foundation
import Testing
@testable import CenterDomain

/// An integer field with a documented range names that range when the value
/// is outside it or is not an integer at all.
@Suite struct IntegerRangeTests {
    struct Body: Decodable {
        let days: Int
        let count: Int?

        enum CodingKeys: CodingKey { case days, count }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            days = try c.decode(Int.self, forKey: .days, in: 1...31)
            count = try c.decodeIfPresent(Int.self, forKey: .count, in: 0...10)
        }
    }

    private func message(_ json: String) -> String? {
        do {
            _ = try decode(Body.self, json)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func aValueInRangeIsTaken() throws {
        #expect(try decode(Body.self, #"{"days":31,"count":0}"#).days == 31)
        #expect(try decode(Body.self, #"{"days":1}"#).count == nil)
        #expect(try decode(Body.self, #"{"days":1,"count":null}"#).count == nil)
    }

    @Test func aValueOutsideTheRangeNamesIt() {
        #expect(message(#"{"days":32}"#) == "expected an integer between 1 and 31, got 32")
        #expect(message(#"{"days":1,"count":-1}"#) == "expected an integer between 0 and 10, got -1")
    }

    @Test func aStringNamesTheRangeAndWhatWasFound() {
        #expect(message(#"{"days":"3"}"#)?.hasPrefix("expected an integer between 1 and 31, ") == true)
    }
}
