import Foundation
import Testing
@testable import CenterService

/// The direct parser behind `StoredJSON(text:)` gives exactly what the
/// `JSONDecoder` path gives, including the integer/number split, and leaves
/// what it does not take (escapes, integral decimals) to `JSONDecoder`.
@Suite struct StoredJSONParserTests {
    static let texts = [
        #"{"days":1,"per_day":{"exemptions":[],"gap_hours_free":[{"from":"12:00","minutes":60,"to":"13:00"}],"lines":[{"amount":7200,"base":6000,"division":"am","kind":"division","label":"午前","multipliers":["out_of_ward"]}],"rounding":0,"subtotal":16800,"surcharges":[{"code":"out_of_ward","label":"区外利用","multiplier":1.2}],"total":16800},"total":16800}"#,
        #"{"a":null,"b":true,"c":false,"d":-12,"e":0,"f":-0.5,"g":"text","h":[1,2.5,"x",[],{}]}"#,
        #"  [ 1 , 2 , { "k" : "v" } ]  "#,
        #"{"big":9223372036854775807,"small":-9223372036854775808}"#,
        #"{"escaped":"a\"b\\c\/d\u00e9\n"}"#,
        #"{"integral":2.0,"exp":1e3,"frac":1.25e-2}"#,
        #""just a string""#, "42", "3.75", "null", "true",
    ]

    @Test(arguments: texts) func parsesAsJSONDecoderDoes(_ text: String) throws {
        let direct = try StoredJSON(text: text)
        let decoded = try JSONDecoder().decode(StoredJSON.self, from: Data(text.utf8))
        #expect(direct == decoded)
    }

    @Test func refusesWhatIsNotJSON() {
        for text in ["", "{", #"{"a" 1}"#, "01", "tru", #"{"a":1}x"#] {
            #expect(throws: (any Error).self) { try StoredJSON(text: text) }
        }
    }

    @Test func takesTheServiceFeeWithoutFallingBack() throws {
        var text = Self.texts[0]
        let parsed = text.withUTF8 { bytes -> StoredJSON? in
            var parser = StoredJSONParser(bytes: bytes)
            return parser.parseDocument()
        }
        #expect(parsed != nil)
        #expect(parsed == (try JSONDecoder().decode(StoredJSON.self, from: Data(Self.texts[0].utf8))))
    }
}
