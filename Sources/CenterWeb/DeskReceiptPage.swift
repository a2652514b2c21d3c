import CenterAPI
import CenterDomain
import CenterService
import Foundation
import HTML
import HTTPServer

/// 領収書 (staff): a receipt's printable page, the same page the API serves
/// at `/receipts/{number}.html` (`ReceiptPage`: A5 landscape, or A4 with
/// `?paper=a4`), for a signed-in member of staff; and its reissue (再発行).
/// The page keeps its own style sheet so that it prints on its own; the
/// Content-Security-Policy allows exactly that sheet by its SHA-256, and
/// still no script, no frame and no form.
enum DeskReceiptPage {
    static func get(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success:
            guard let number = context.request.pathParameters["number"].flatMap(ReceiptNumber.init) else {
                return PageRoutes.notFound(context)
            }
            let paper = context.request.queryValue("paper").flatMap(ReceiptPage.Paper.init) ?? .a5
            let issued: IssuedReceipt
            do { issued = try await context.site.service.receipts.receipt(number: number) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            var response = HTTPResponse(status: .ok, headers: ["content-type": "text/html; charset=utf-8"],
                                        body: Array(ReceiptPage.render(issued, paper: paper).utf8))
            PageResponse.finish(&response, context: context, cookies: [])
            response.headers.set("content-security-policy", policy(for: paper))
            return response
        }
    }

    /// The pages' policy with the receipt's own style sheets allowed by hash.
    static func policy(for paper: ReceiptPage.Paper) -> String {
        let hashes = ReceiptPage.styleSheets(for: paper).map { "'sha256-" + Data(SHA256.hash(Array($0.utf8))).base64EncodedString() + "'" }
        return PageResponse.contentSecurityPolicy.replacingOccurrences(of: "style-src 'self'",
                                                                       with: "style-src " + hashes.joined(separator: " "))
    }

    /// `POST /desk/receipts/{number}/reissue`: reissues it under the same number, then its page.
    static func reissue(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _)):
            guard let number = context.request.pathParameters["number"].flatMap(ReceiptNumber.init) else {
                return PageRoutes.notFound(context)
            }
            do {
                _ = try await context.site.service.receipts.reissue(number: number, by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL("/desk/receipts/\(number)"), context: context)
            } catch .refused(let refusal) {
                return PageRoutes.refusalPage(refusal, context: context, back: "/desk/today")
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
