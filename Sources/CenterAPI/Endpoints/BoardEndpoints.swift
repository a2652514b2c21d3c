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
                     parameters: [QueryParameter("display", "The lobby screen's display key (staff open it from their page): the board then shows the desks' check-in code of the day")],
                     response: ["type": "string", "example": "<!doctype html>\n<html lang=\"ja\">…</html>"],
                     contentType: "text/html; charset=utf-8", refusals: NoRefusal.self) { context in
                let day = try await context.service.reports.board()
                let minute = context.service.clock.now().japanSecondOfDay / 60
                var code: LobbyCode?
                if let key = context.request.queryValue("display"), try await context.service.desks.isBoardDisplayKey(key) {
                    code = try await context.service.desks.lobbyCode()
                }
                let html = BoardPage.render(day, updatedAt: minute, lobbyCode: code)
                return HTTPResponse(status: .ok, headers: ["content-type": "text/html; charset=utf-8",
                                                           "cache-control": "no-store"],
                                    body: Array(html.utf8))
            },
        ]
    }
}
