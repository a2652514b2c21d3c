import CalendarValues
import CenterDomain
import JSON
import Testing
@testable import CenterService

/// A booking body read field by field (`BookingRequest.decodeBody`) gets
/// exactly the generic decoder's answer (`JSONInput.decodeRequest`): the
/// same request for a valid body, the same problem (path and message) for
/// any other.
struct BookingRequestJSONTests {
    private func direct(_ body: String) -> Result<BookingRequest, JSONProblem> {
        Result { () throws(JSONProblem) in try BookingRequest.decodeBody(Array(body.utf8)) }
    }

    private func generic(_ body: String) -> Result<BookingRequest, JSONProblem> {
        Result { () throws(JSONProblem) in try JSONInput.decodeRequest(BookingRequest.self, from: Array(body.utf8)) }
    }

    @Test func aPlainBodyIsReadFieldByFieldAsTheGenericDecoderReadsIt() throws {
        let bodies = [
            #"{"facility":"multipurpose-hall","date":"2027-06-20","divisions":["am"],"registration":1,"purpose":"Seminar","attendees":10}"#,
            #"{"attendees":3,"purpose":"Cafe\u0301 meetup","registration":9007199254740991,"divisions":["pm","night","am"],"date":"2027-02-28","facility":"gym","days":31,"admission_charged":10000000,"commercial":true,"guardian":"山田 花子","exemptions":["ward_cohosted"]}"#,
            #"{"facility":"x","date":"2026-12-01","divisions":[],"registration":5,"purpose":"","attendees":10000,"days":1,"admission_charged":0,"commercial":false,"exemptions":[]}"#,
        ]
        for body in bodies {
            let value = try JSONReader.parse(Array(body.utf8))
            #expect(BookingRequest.direct(value) != nil, "\(body)")
            #expect(direct(body) == generic(body), "\(body)")
        }
    }

    @Test func aBodyThatIsNotAPlainRequestGetsTheGenericDecodersProblem() {
        let base = #""facility":"gym","date":"2027-06-20","divisions":["am"],"registration":1,"purpose":"Seminar""#
        let bodies = [
            "", "[]", "null", "{", #"{"facility":"gym","facility":"gym"}"#, "{\(base)}",
            "{\(base),\"attendees\":0}", "{\(base),\"attendees\":10001}", "{\(base),\"attendees\":1.5}",
            "{\(base),\"attendees\":10.0}", "{\(base),\"attendees\":\"10\"}", "{\(base),\"attendees\":null}",
            "{\(base),\"attendees\":10,\"days\":0}", "{\(base),\"attendees\":10,\"days\":null}",
            "{\(base),\"attendees\":10,\"atendees\":10}", "{\(base),\"attendees\":10,\"hours\":{\"from\":\"10:00\",\"to\":\"12:00\"}}",
            "{\(base),\"attendees\":10,\"coupling_approval\":null}", "{\(base),\"attendees\":10,\"commercial\":1}",
            "{\(base),\"attendees\":10,\"guardian\":null}", "{\(base),\"attendees\":10,\"exemptions\":[1]}",
            "{\(base),\"attendees\":10,\"admission_charged\":-1}",
            #"{"facility":"gym","date":"2027-02-30","divisions":["am"],"registration":1,"purpose":"S","attendees":1}"#,
            #"{"facility":"gym","date":"20270220","divisions":["am"],"registration":1,"purpose":"S","attendees":1}"#,
            #"{"facility":"gym","date":"2027-06-20","divisions":"am","registration":1,"purpose":"S","attendees":1}"#,
            #"{"facility":"gym","date":"2027-06-20","divisions":["am"],"registration":0,"purpose":"S","attendees":1}"#,
            #"{"facility":"gym","date":"2027-06-20","divisions":["am"],"registration":1,"purpose":"a\u0007b","attendees":1}"#,
            #"{"facility":"gym","date":"2027-06-20","divisions":["am"],"registration":1,"purpose":"S","attendees":1,"x":{}}"#,
            "{\(base),\"attendees\":10,\"exemptions\":[\(Array(repeating: "\"a\"", count: 101).joined(separator: ","))]}",
        ]
        for body in bodies {
            #expect(direct(body) == generic(body), "\(body)")
        }
    }

    /// Bodies made of the request's fields (and a stranger), each left out
    /// or given a value of a random kind, in a random order: thousands of
    /// them, from a fixed seed, every one answered as the generic decoder
    /// answers it.
    @Test func randomBodiesGetTheGenericDecodersAnswer() {
        var random = SplitMix64(seed: 0x5EED_B00C)
        let fields = ["facility", "date", "divisions", "days", "registration", "purpose", "attendees",
                      "admission_charged", "commercial", "guardian", "exemptions", "hours", "coupling_approval", "note"]
        let values = [
            #""gym""#, #""2027-06-20""#, #""2027-13-01""#, #""""#, #""  ""#, #""日本語""#, #"["am"]"#, #"["am","am"]"#,
            #"["am","pm"]"#, "[]", "[1]", "0", "1", "-1", "10", "31", "32", "10000", "10001", "1.0", "2.5", "1e3",
            "9007199254740992", "true", "false", "null", "{}", #"{"from":"10:00","to":"12:00"}"#,
        ]
        var accepted = 0
        for _ in 0..<4_000 {
            var pairs: [String] = []
            for field in fields {
                // A required field is usually there and usually right; any other rarely there.
                let plain: String? = switch field {
                case "facility": #""gym""#
                case "date": #""2027-06-20""#
                case "divisions": #"["am"]"#
                case "registration", "attendees": "7"
                case "purpose": #""Seminar""#
                default: nil
                }
                guard plain == nil ? random.next() % 5 == 0 : random.next() % 8 != 0 else { continue }
                let other = values[Int(random.next() % UInt64(values.count))]
                let value = if let plain, random.next() % 5 != 0 { plain } else { other }
                pairs.append("\"\(field)\":\(value)")
            }
            for i in pairs.indices.reversed() { pairs.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            let body = "{" + pairs.joined(separator: ",") + "}"
            let answer = generic(body)
            #expect(direct(body) == answer, "\(body)")
            if case .success = answer { accepted += 1 }
        }
        #expect(accepted > 100, "the random bodies include valid requests")
    }
}
