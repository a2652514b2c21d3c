import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// A member's secret calendar URL: one live per registration, replaced by a
/// new one, revocable, stored as a hash only.
struct CalendarFeedServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func aFeedTokenShowsTheRegistrationsBookings() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        let minted = try await f.service.feeds.mint(registration: registration, by: f.member(registration))
        #expect(minted.token.hasPrefix("nkf_") && minted.token.utf8.count == 68)
        let feed = try await f.service.feeds.feed(token: minted.token, from: LocalDate("2026-12-01")!, to: LocalDate("2026-12-31")!)
        #expect(feed.bookings.map(\.id) == [booking.id])
        let stored: Int = try await f.read { db in
            try db.queryOne("SELECT count(*) AS n FROM feed_tokens WHERE instr(hash, ?) > 0",
                            [.blob(Array(minted.token.utf8))])?.get("n") ?? -1
        }
        #expect(stored == 0)
    }

    @Test func aNewTokenRevokesTheOldAndARevokedOneFindsNothing() async throws {
        let registration = try await f.register(.general)
        let first = try await f.service.feeds.mint(registration: registration, by: f.staff)
        let second = try await f.service.feeds.mint(registration: registration, by: f.staff)
        #expect(second.replaced == first.id)
        let day = LocalDate("2026-12-01")!
        #expect(await f.refusal { _ = try await f.service.feeds.feed(token: first.token, from: day, to: day) } == "feed_not_found")
        _ = try await f.service.feeds.revoke(registration: registration, by: f.staff)
        #expect(await f.refusal { _ = try await f.service.feeds.feed(token: second.token, from: day, to: day) } == "feed_not_found")
        #expect(await f.refusal { _ = try await f.service.feeds.revoke(registration: registration, by: f.staff) }
            == "feed_token_not_found")
    }

    @Test func aMemberMintsOnlyItsOwn() async throws {
        let mine = try await f.register(.general)
        let other = try await f.register(.general)
        #expect(await f.refusal { _ = try await f.service.feeds.mint(registration: other, by: f.member(mine)) }
            == "registration_not_found")
    }
}
