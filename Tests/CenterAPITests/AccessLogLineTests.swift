import CenterAPI
import Foundation
@testable import HTTPServer
import Testing

/// The access log's line is one JSON object per request, written field by
/// field: the time to the millisecond, the duration to the microsecond, no
/// query string.
struct AccessLogLineTests {
    func line(_ entry: AccessLogEntry, at seconds: Double) throws -> [String: Any] {
        let bytes = AccessLogLine.format(entry, at: seconds)
        #expect(bytes.last == 0x0A)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes.dropLast())) as? [String: Any])
    }

    @Test func aLineHoldsTheRequestWithoutItsQuery() throws {
        let entry = AccessLogEntry(method: "POST", path: "/bookings?date=2026-12-01", status: 201, durationSeconds: 0.0123456,
                                   requestID: "b-\"quoted\"", bytesSent: 10)
        let fields = try line(entry, at: 1_764_597_600.1234)
        #expect(fields["ts"] as? Double == 1_764_597_600.123)
        #expect(fields["duration_ms"] as? Double == 12.346)
        #expect(fields["path"] as? String == "/bookings")
        #expect(fields["method"] as? String == "POST")
        #expect(fields["status"] as? Int == 201)
        #expect(fields["msg"] as? String == "request")
        #expect(fields["request_id"] as? String == "b-\"quoted\"")
    }

    @Test func smallFiguresKeepTheirLeadingZeros() throws {
        let entry = AccessLogEntry(method: "GET", path: "/health", status: 200, durationSeconds: 0.000005, requestID: "r", bytesSent: 1)
        let text = String(decoding: AccessLogLine.format(entry, at: 0.004), as: UTF8.self)
        #expect(text.contains(#""ts":0.004,"#))
        #expect(text.contains(#""duration_ms":0.005,"#))
    }

    /// A path or id that needs an escape is escaped as any JSON string, and
    /// one that needs none reads the same.
    @Test(arguments: ["/a\"b\\c", "/日本/語", "/x\u{1}y", "/tab\there", "/plain-path_1.2~"])
    func aPathIsWrittenAsTheJSONStringOfItself(path: String) throws {
        let entry = AccessLogEntry(method: "GET", path: path + "?q=1", status: 200, durationSeconds: 0, requestID: path, bytesSent: 1)
        let fields = try line(entry, at: 0)
        #expect(fields["path"] as? String == path)
        #expect(fields["request_id"] as? String == path)
    }

    @Test func aFeedsSecretIsRedacted() throws {
        let entry = AccessLogEntry(method: "GET", path: "/feeds/secret123/bookings.ics?x=1", status: 200, durationSeconds: 0,
                                   requestID: "r", bytesSent: 1)
        #expect(try line(entry, at: 0)["path"] as? String == "/feeds/{token}/bookings.ics")
    }
}
