import HTTPServer
import Testing
@testable import CenterAPI

/// What makes two writes with one Idempotency-Key the same request.
@Suite struct IdempotencyKeyTests {
    static func request(query: [(name: String, value: String)], body: String = "{}") -> HTTPRequest {
        HTTPRequest(method: .POST, target: "/storage/allocate", pathSegments: ["storage", "allocate"], query: query,
                    headers: ["Idempotency-Key": "k-1"], body: Array(body.utf8))
    }

    @Test func anotherQueryIsAnotherRequest() throws {
        let fy2026 = try Self.request(query: [("fiscal_year", "2026")]).idempotencyKey()
        let fy2027 = try Self.request(query: [("fiscal_year", "2027")]).idempotencyKey()
        #expect(fy2026?.requestHash != fy2027?.requestHash)
    }

    @Test func theSameQueryAndBodyIsTheSameRequest() throws {
        let first = try Self.request(query: [("fiscal_year", "2026")]).idempotencyKey()
        let again = try Self.request(query: [("fiscal_year", "2026")]).idempotencyKey()
        #expect(first?.requestHash == again?.requestHash)
    }

    @Test func queryPartsCannotBeShiftedIntoEachOther() throws {
        let one = try Self.request(query: [("a", "b&c=d")]).idempotencyKey()
        let two = try Self.request(query: [("a", "b"), ("c", "d")]).idempotencyKey()
        #expect(one?.requestHash != two?.requestHash)
    }
}
