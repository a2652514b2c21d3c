import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Store
import TestEvents
import Testing
@testable import CenterService

/// Tokens: stored hashed, revocable, expiring; the audit log is append-only.
final class TokenStoreTests {
    let pool: DatabasePool
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)").path
    let now = Instant(secondsSinceEpoch: 1_790_000_000)

    /// The store is opened and closed off the cooperative pool (`TestStore`, `blocking`).
    init() async throws {
        let path = directory + "/center.sqlite"
        pool = try await TestStore.open(path: path).pool
    }

    deinit {
        let (pool, directory) = (pool, directory)
        blockingInBackground {
            pool.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    func mint(role: Role = .staff, expiresAt: Instant? = nil) async throws -> (AccessToken, TokenRecord) {
        let now = self.now
        return try await pool.write { db in
            try TokenStore.mint(db, role: role, name: "Front desk", registrationID: nil, expiresAt: expiresAt, now: now, by: "test")
        }
    }

    func authenticate(_ secret: String, at instant: Instant? = nil) async throws -> Actor {
        let at = instant ?? now
        return try await pool.read { db in try TokenStore.authenticate(db, secret: secret, now: at) }
    }

    @Test func mintedTokenAuthenticatesWithItsRole() async throws {
        let (token, record) = try await mint()
        let actor = try await authenticate(token.secret)
        #expect(actor.role == .staff)
        #expect(actor.tokenID == record.id)
    }

    @Test func theSecretIsNeverStored() async throws {
        let (token, _) = try await mint()
        let stored = try await pool.read { db in try db.query("SELECT * FROM access_tokens") }
        for row in stored {
            for index in 0..<row.columns.count {
                if case .text(let text) = row[index] { #expect(!text.contains(token.secret)) }
            }
        }
    }

    @Test func unknownTokenIsRefused() async throws {
        _ = try await mint()
        await #expect(throws: AuthError.invalidToken) { try await authenticate("nkc_not-a-token") }
    }

    @Test func revokedTokenIsRefused() async throws {
        let (token, record) = try await mint()
        let now = self.now
        _ = try await pool.write { db in try TokenStore.revoke(db, id: record.id, now: now, by: "test") }
        await #expect(throws: AuthError.invalidToken) { try await authenticate(token.secret) }
    }

    @Test func tokenExpiresAtItsExpiry() async throws {
        let (token, _) = try await mint(expiresAt: now.adding(seconds: 60))
        _ = try await authenticate(token.secret, at: now.adding(seconds: 59))
        await #expect(throws: AuthError.invalidToken) { try await authenticate(token.secret, at: now.adding(seconds: 60)) }
    }

    @Test func auditLogRefusesUpdatesAndDeletes() async throws {
        _ = try await mint()
        await #expect(throws: (any Error).self) {
            try await pool.write { db in try db.run("UPDATE audit_log SET actor = 'someone else'") }
        }
        await #expect(throws: (any Error).self) {
            try await pool.write { db in try db.run("DELETE FROM audit_log") }
        }
        let entries = try await pool.read { db in try AuditLog.entries(db, since: Instant(secondsSinceEpoch: 0)) }
        #expect(entries.map(\.action) == ["token.create"])
        #expect(entries.first?.actor == "test")
    }
}
