import Testing
@testable import CenterService

/// The lobby screen's board shows the desks' check-in code of the day; the
/// public board never does.
struct BoardLobbyCodeEndpointTests {
    @Test func thePublicBoardHasNoCheckInCode() async throws {
        try await withTestServer { server in
            let code = try await server.service.desks.lobbyCode()
            let board = try await server.client().send("GET", "/board")
            #expect(board.status == 200)
            #expect(!board.text.contains(code.display))
            #expect(!board.text.contains("チェックインコード"))
        }
    }

    @Test func theBoardWithItsDisplayKeyShowsTodaysCode() async throws {
        try await withTestServer { server in
            let code = try await server.service.desks.lobbyCode()
            let key = try await server.service.desks.boardDisplayKey()
            let board = try await server.client().send("GET", "/board?display=\(key)")
            #expect(board.text.contains("チェックインコード"))
            #expect(board.text.contains(code.display))
            let wrong = try await server.client().send("GET", "/board?display=0123456789abcdef0123456789abcdef")
            #expect(wrong.status == 200)
            #expect(!wrong.text.contains(code.display))
        }
    }
}
