import Testing
@testable import CenterService

/// Stored JSON (fee breakdowns) is written back into responses unchanged.
struct StoredJSONTests {
    @Test func numbersBooleansAndNullRoundTripUnchanged() throws {
        let text = #"{"a":1,"b":true,"c":1.5,"d":0,"e":false,"f":null,"g":[2,"x"],"h":{"i":-3}}"#
        let value = try StoredJSON(text: text)
        #expect(String(decoding: try ServiceJSON.encode(value), as: UTF8.self) == text)
    }
}
