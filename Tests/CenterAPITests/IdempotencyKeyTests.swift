import HTTPServer
import Testing
import CenterDomain
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

    /// The bytes signed are those of every earlier version, so a key
    /// recorded before an upgrade still finds its request after it:
    /// `POST /storage/allocate\n11:fiscal_year=4:2026&6:名前=6:値段&\n{"a":"日本"}`.
    @Test func theSignedBytesAreThoseRecordedKeysWereMadeWith() throws {
        let key = try Self.request(query: [("fiscal_year", "2026"), ("名前", "値段")], body: #"{"a":"日本"}"#).idempotencyKey()
        #expect(key.map { Hex.encode($0.requestHash) } == "ff9663c3cc28997924b849db1d7f092f2b8b851a38b195b55cc46af3050a4d45")
    }

    /// `POST /bookings` makes its hash only when it is read: the same hash.
    @Test func aKeyHashedWhenReadSignsTheSameRequest() throws {
        let request = Self.request(query: [("fiscal_year", "2026")], body: #"{"a":1}"#)
        let eager = try request.idempotencyKey(), later = try request.idempotencyKeyHashedWhenRead()
        #expect(later?.requestHash == eager?.requestHash)
        #expect(later?.hashed().requestHash == eager?.requestHash)
        #expect(later == eager)
    }
}
