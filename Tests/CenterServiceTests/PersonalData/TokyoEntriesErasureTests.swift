import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Testing
@testable import CenterService

/// A registration's lottery and waiting-list entries on erasure
/// (docs/OPERATIONS.md "Personal data"): live ones block it, and once
/// erased their purposes read `（消去済み）`.
@Suite struct TokyoEntriesErasureTests {
    @Test func liveEntriesBlockErasureAndErasureBlanksTheirPurposes() async throws {
        let f = try BookingFixture(synchronousFull: false)
        f.move(to: "2026-12-02T10:00:00+09:00")
        let general = try await f.register(.general)
        let entry = try #require(try await f.service.lottery.enter(
            LotteryEntryRequest(registration: general, facility: "gym", date: LocalDate("2027-01-12")!, divisions: [.am],
                                purpose: "山田家の誕生会", attendees: 20), by: f.staff).value)
        let holder = try await f.register(.general)
        _ = try await f.book("2026-12-20", registration: holder)
        let waiting = try #require(try await f.service.waitingList.join(
            WaitingJoinRequest(registration: general, facility: "meeting-room-1", date: LocalDate("2026-12-20")!, division: .am,
                               purpose: "山田家の法事", attendees: 8), by: f.staff).value)
        let blocked = await f.domainError { _ = try await f.service.registrations.erase(id: general, by: f.staff) }
        #expect(blocked?.code == "erasure_blocked")
        #expect(blocked?.details["lottery_entries"] == String(entry.id))
        #expect(blocked?.details["waiting_entries"] == String(waiting.id))
        _ = try await f.service.lottery.withdraw(entry: entry.id, by: f.staff)
        _ = try await f.service.waitingList.withdraw(entry: waiting.id, by: f.staff)
        _ = try await f.service.registrations.erase(id: general, by: f.staff)
        #expect(try await f.service.lottery.entry(id: entry.id, for: f.staff).purpose == PersonalData.erased)
        #expect(try await f.service.waitingList.entry(id: waiting.id, for: f.staff).purpose == PersonalData.erased)
        let audit: Int = try await f.read { db in
            try db.query("SELECT id FROM audit_log WHERE after LIKE '%山田家%' OR before LIKE '%山田家%'").count
        }
        #expect(audit == 0)
    }
}
