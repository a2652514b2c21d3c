import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// A freelancer checks in at the center with the lobby board's code of the day.
struct LobbyCheckInTests {
    @Test func todaysCodeChecksThePassIn() async throws {
        let f = try await DesksFixture()
        let registration = try await f.register()
        let pass = try await f.book(registration, "2026-11-25", "pm")
        let code = try await f.service.desks.lobbyCode()
        let checked = try await f.service.desks.checkIn(pass: pass.id, lobbyCode: code.digits, by: f.member(registration))
        #expect(checked.state == .checkedIn)
    }

    @Test func fullWidthDigitsAndASpaceAreReadAsTyped() async throws {
        let f = try await DesksFixture()
        let registration = try await f.register()
        let pass = try await f.book(registration, "2026-11-25", "pm")
        let code = try await f.service.desks.lobbyCode()
        let typed = String(code.display.unicodeScalars.map { $0 == " " ? Character(" ") : Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        #expect(try await f.service.desks.checkIn(pass: pass.id, lobbyCode: typed, by: f.member(registration)).state == .checkedIn)
    }

    @Test func yesterdaysCodeIsWrongToday() async throws {
        let f = try await DesksFixture()
        let registration = try await f.register()
        let pass = try await f.book(registration, "2026-11-25", "pm")
        let yesterday = try await f.service.desks.lobbyCode(on: LocalDate("2026-11-24")!)
        let today = try await f.service.desks.lobbyCode()
        #expect(yesterday != today)
        #expect(await f.refusal {
            _ = try await f.service.desks.checkIn(pass: pass.id, lobbyCode: yesterday.digits, by: f.member(registration))
        } == "lobby_code_wrong")
    }

    @Test func afterFiveWrongCodesThePersonWaits() async throws {
        let f = try await DesksFixture()
        let registration = try await f.register()
        let pass = try await f.book(registration, "2026-11-25", "pm")
        let member = f.member(registration)
        let code = try await f.service.desks.lobbyCode()
        let wrong = code.digits == "000000" ? "111111" : "000000"
        for _ in 0..<5 {
            #expect(await f.refusal { _ = try await f.service.desks.checkIn(pass: pass.id, lobbyCode: wrong, by: member) }
                    == "lobby_code_wrong")
        }
        #expect(await f.refusal { _ = try await f.service.desks.checkIn(pass: pass.id, lobbyCode: code.digits, by: member) }
                == "lobby_code_throttled")
        f.clock.advance(seconds: 1)
        #expect(try await f.service.desks.checkIn(pass: pass.id, lobbyCode: code.digits, by: member).state == .checkedIn)
    }

    @Test func theBoardDisplayKeyIsTheDatabasesOwn() async throws {
        let f = try await DesksFixture(freshStore: true)
        let other = try await DesksFixture(freshStore: true)
        let key = try await f.service.desks.boardDisplayKey()
        #expect(key.count == 32)
        #expect(try await f.service.desks.isBoardDisplayKey(key))
        #expect(try await !other.service.desks.isBoardDisplayKey(key))
    }
}
