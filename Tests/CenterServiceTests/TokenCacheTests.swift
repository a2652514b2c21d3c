import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// A token seen valid is trusted for a second without a lookup; a
/// revocation through the service is seen by the very next request, one by
/// another process within the second, an expiry at once.
struct TokenCacheTests {
    let hash: [UInt8] = Array(repeating: 7, count: 32)
    let actor = Actor(tokenID: 3, role: .staff, name: "Front desk", registrationID: nil)
    let seen = ContinuousClock.now

    @Test func aTokenSeenValidIsTrustedForTheLifetimeOnly() {
        let cache = TokenCache()
        cache.keep(hash: hash, actor: actor, expiresAt: nil, generation: cache.generation, at: seen)
        #expect(cache.actor(hash: hash, now: 0, at: seen + .milliseconds(999)) == actor)
        #expect(cache.actor(hash: hash, now: 0, at: seen + TokenCache.lifetime) == nil)
    }

    @Test func anExpiryIsCheckedOnEveryUse() {
        let cache = TokenCache()
        cache.keep(hash: hash, actor: actor, expiresAt: 1_000, generation: cache.generation, at: seen)
        #expect(cache.actor(hash: hash, now: 999, at: seen) == actor)
        #expect(cache.actor(hash: hash, now: 1_000, at: seen) == nil)
    }

    @Test func aRevocationForgetsEveryTokenAndALookupThatStartedBeforeItIsNotKept() {
        let cache = TokenCache()
        let before = cache.generation
        cache.keep(hash: hash, actor: actor, expiresAt: nil, generation: before, at: seen)
        cache.revoked()
        #expect(cache.actor(hash: hash, now: 0, at: seen) == nil)
        // A lookup that read the token before the revocation committed.
        cache.keep(hash: hash, actor: actor, expiresAt: nil, generation: before, at: seen)
        #expect(cache.actor(hash: hash, now: 0, at: seen) == nil)
    }

    @Test func aTokenRevokedThroughTheServiceIsRefusedOnTheNextRequest() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let (token, record) = try await f.service.accounts.mintToken(role: .staff, name: "Desk", by: "test")
        let header = "Bearer \(token.secret)"
        #expect(try await f.service.accounts.authenticate(authorization: header)?.tokenID == record.id)
        #expect(try await f.service.accounts.authenticate(authorization: header)?.tokenID == record.id)
        try await f.service.accounts.revokeToken(id: record.id, by: "test")
        await #expect(throws: AuthError.invalidToken) { try await f.service.accounts.authenticate(authorization: header) }
    }

    @Test func anErasedRegistrationsMemberTokenIsRefusedOnTheNextRequest() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        let (token, _) = try await f.service.registrations.mintMemberToken(registration: registration, name: "phone", by: f.staff)
        let header = "Bearer \(token.secret)"
        #expect(try await f.service.accounts.authenticate(authorization: header)?.registrationID == registration)
        _ = try await f.service.registrations.erase(id: registration, by: f.staff)
        await #expect(throws: AuthError.invalidToken) { try await f.service.accounts.authenticate(authorization: header) }
    }
}
