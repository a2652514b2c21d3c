import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Receipts (領収書) by number: read as JSON or as the printable page, and
/// reissued (再発行) under the same number.
enum ReceiptEndpoints {
    /// The paper of the printable page.
    static let paperParameter = QueryParameter("paper", schema: ["type": "string", "enum": ["a5", "a4"]],
                                               "The printable page's paper: `a5` (landscape, the default) or `a4` (portrait); HTML only")

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/receipts/{number}",
                     summary: "A receipt (領収書) as last issued, by its number (2026-000123): JSON, or the page to print (A5 or A4) with `Accept: text/html` or as /receipts/{number}.html",
                     tag: "payments", access: .staff, parameters: [paperParameter], response: Schemas.ref("Receipt"),
                     refusals: ReceiptCode.self) { context in
                var text = context.request.pathParameter("number")
                let page = text.hasSuffix(".html") || (context.request.headers["accept"]?.lowercased().contains("text/html") ?? false)
                if text.hasSuffix(".html") { text.removeLast(".html".count) }
                let paper = try context.request.choiceQuery(paperParameter.name, ReceiptPage.Paper.allCases.map(\.rawValue))
                    .flatMap(ReceiptPage.Paper.init) ?? .a5
                let issued = try await context.service.receipts.receipt(number: try number(text))
                guard page else { return APIResponse.json(issued) }
                return HTTPResponse(status: .ok, headers: ["content-type": "text/html; charset=utf-8", "cache-control": "no-store"],
                                    body: Array(ReceiptPage.render(issued, paper: paper).utf8))
            },
            Endpoint(.POST, "/receipts/{number}/reissue",
                     summary: "Reissue a receipt (再発行): the same number and issue date, titled 領収書（再発行） with today's 再発行日; the original stays valid",
                     tag: "payments", access: .staff, response: Schemas.ref("Receipt"),
                     refusals: Receipts.ReissueRefusal.self) { context in
                let number = try number(context.request.pathParameter("number"))
                return context.answer(try await context.service.receipts.reissue(
                    number: number, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
        ]
    }

    /// A receipt number as written, `2026-000123`; anything else names no receipt (404).
    static func number(_ text: String) throws(Refusal<ReceiptCode>) -> ReceiptNumber {
        guard let number = ReceiptNumber(text) else {
            throw Refusal(.receiptNotFound, "No receipt has number \(TextRule.echo(text)); numbers read like 2026-000123.",
                          details: ["receipt": text])
        }
        return number
    }
}
