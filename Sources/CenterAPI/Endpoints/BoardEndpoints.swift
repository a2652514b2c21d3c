import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `GET /board`: the lobby and front-desk screen, server-rendered HTML.
/// Public, and free of personal data by construction (`BoardDay`).
enum BoardEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/board",
                     summary: "Lobby board: today's rooms × divisions (空き / 予約あり / 利用中 / 休館) and closures, HTML refreshing every minute",
                     tag: "board", access: .anyone,
                     response: ["type": "string", "example": "<!doctype html>\n<html lang=\"ja\">…</html>"],
                     contentType: "text/html; charset=utf-8", refusals: NoRefusal.self) { context in
                let day = try await context.service.reports.board()
                let minute = context.service.clock.now().japanSecondOfDay / 60
                let html = BoardPage.render(day, updatedAt: minute)
                return HTTPResponse(status: .ok, headers: ["content-type": "text/html; charset=utf-8",
                                                           "cache-control": "no-store"],
                                    body: Array(html.utf8))
            },
        ]
    }
}
