import CenterDomain
import JSON
import Testing
@testable import CenterService

/// The JSON documents the service keeps in its rows (a fee breakdown,
/// evidence, document checks) are read back through the one reader and
/// decoder of the JSON module, and written back through the one codec.
@Suite struct StoredDocumentTests {
    static let fee = #"{"days":1,"per_day":{"exemptions":[],"gap_hours_free":[{"from":"12:00","minutes":60,"to":"13:00"}],"lines":[{"amount":7200,"base":6000,"division":"am","kind":"division","label":"午前","multipliers":["out_of_ward"]}],"rounding":0,"subtotal":16800,"surcharges":[{"code":"out_of_ward","label":"区外利用","multiplier":1.2}],"total":16800},"total":16800}"#

    static let texts = [
        fee,
        #"{"a":null,"b":true,"c":false,"d":-12,"e":0,"f":-0.5,"g":"text","h":[1,2.5,"x",[],{}]}"#,
        #"  [ 1 , 2 , { "k" : "v" } ]  "#,
        #"{"big":9223372036854775807,"small":-9223372036854775808}"#,
        #"{"escaped":"a\"b\\c\/d\u00e9\n"}"#,
        #"{"integral":2.0,"exp":1e3,"frac":1.25e-2}"#,
        #""just a string""#, "42", "3.75", "null", "true",
    ]

    @Test(arguments: texts) func aStoredDocumentReadsBack(_ text: String) throws {
        let value = try JSONReader.parse(Array(text.utf8))
        #expect(try JSONReader.parse(value.serialized()) == value)
    }

    @Test func whatIsNotJSONIsRefused() {
        for text in ["", "{", #"{"a" 1}"#, "01", "tru", #"{"a":1}x"#] {
            #expect(throws: (any Error).self) { try JSONReader.parse(Array(text.utf8)) }
        }
    }

    @Test func aStoredFeeReadsBackAsTheFeeAndWritesBackUnchanged() throws {
        let fee = try JSONCodec.decodeStored(BookingFee.self, from: Self.fee)
        #expect(fee.perDay.surcharges.first?.multiplier == 1.2)
        #expect(String(decoding: try JSONCodec.encode(fee), as: UTF8.self) == Self.fee)
    }

    @Test func numbersBooleansAndNullRoundTripUnchanged() throws {
        let text = #"{"a":1,"b":true,"c":1.5,"d":0,"e":false,"f":null,"g":[2,"x"],"h":{"i":-3}}"#
        #expect(String(decoding: try JSONReader.parse(Array(text.utf8)).serialized(), as: UTF8.self) == text)
    }
}
