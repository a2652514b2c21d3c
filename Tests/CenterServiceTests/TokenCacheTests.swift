import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// A token seen valid is trusted for a second without a lookup or a hash,
/// and found by all of its bytes only; a revocation through the service is
/// seen by the very next request, one by another process within the
/// second, an expiry at once.
struct TokenCacheTests {
    let token = TokenCache.Token(Array("nkc_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".utf8))
    let actor = Actor(tokenID: 3, role: .staff, name: "Front desk", registrationID: nil)
    let seen = ContinuousClock.now

    @Test func aTokenSeenValidIsTrustedForTheLifetimeOnly() {
        let cache = TokenCache()
        cache.keep(token: token, actor: actor, expiresAt: nil, generation: cache.generation, at: seen)
        #expect(cache.actor(token: token, now: 0, at: seen + .milliseconds(999)) == actor)
        #expect(cache.actor(token: token, now: 0, at: seen + TokenCache.lifetime) == nil)
    }

    @Test func anExpiryIsCheckedOnEveryUse() {
        let cache = TokenCache()
        cache.keep(token: token, actor: actor, expiresAt: 1_000, generation: cache.generation, at: seen)
        #expect(cache.actor(token: token, now: 999, at: seen) == actor)
        #expect(cache.actor(token: token, now: 1_000, at: seen) == nil)
    }

    @Test func aTokenIsFoundOnlyByAllOfItsBytes() {
        let cache = TokenCache()
        cache.keep(token: token, actor: actor, expiresAt: nil, generation: cache.generation, at: seen)
        var lastByteChanged = token.bytes
        lastByteChanged[lastByteChanged.count - 1] ^= 1
        #expect(cache.actor(token: TokenCache.Token(lastByteChanged), now: 0, at: seen) == nil)
        #expect(cache.actor(token: TokenCache.Token(Array(token.bytes.dropLast())), now: 0, at: seen) == nil)
        #expect(cache.actor(token: TokenCache.Token(token.bytes), now: 0, at: seen) == actor)
    }

    @Test func aRevocationForgetsEveryTokenAndALookupThatStartedBeforeItIsNotKept() {
        let cache = TokenCache()
        let before = cache.generation
        cache.keep(token: token, actor: actor, expiresAt: nil, generation: before, at: seen)
        cache.revoked()
        #expect(cache.actor(token: token, now: 0, at: seen) == nil)
        // A lookup that read the token before the revocation committed.
        cache.keep(token: token, actor: actor, expiresAt: nil, generation: before, at: seen)
        #expect(cache.actor(token: token, now: 0, at: seen) == nil)
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
