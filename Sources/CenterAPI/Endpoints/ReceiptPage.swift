import CenterDomain
import CenterService

/// A receipt (領収書) as one printable HTML page: A5 landscape by default,
/// A4 portrait when asked, the printed lines of the receipt and nothing
/// else (no script, no link, no image), so the page's visible text is
/// `Receipt.lines` in order. Every value enters the page through `Markup`'s
/// interpolation, which escapes it: no text staff or users typed can become
/// markup. (Kept to this one file until the service has an HTML builder of
/// its own, which should then take its place.)
enum ReceiptPage {
    /// The paper the page is laid out for.
    enum Paper: String, CaseIterable {
        case a5, a4

        /// The CSS page box: A5 landscape, or A4 portrait (the receipt at its top).
        var pageRule: String {
            switch self {
            case .a5: "@page { size: A5 landscape; margin: 10mm 12mm; }"
            case .a4: "@page { size: A4 portrait; margin: 15mm 12mm; }"
            }
        }
    }

    static func render(_ issued: IssuedReceipt, paper: Paper) -> String {
        let receipt = issued.receipt
        var body: [Markup] = [
            receipt.isReissue ? "<header><h1 class=\"reissue\">\(receipt.title)</h1>" : "<header><h1>\(receipt.title)</h1>",
            "<div class=\"meta\"><p>\(receipt.numberLine)</p>",
            "<p>\(receipt.issuedLine)</p>",
        ]
        if let reissued = receipt.reissuedLine { body.append("<p class=\"reissued\">\(reissued)</p>") }
        body += [
            "</div></header>",
            "<p class=\"addressee\">\(receipt.addressee)</p>",
            "<div class=\"sum\"><p class=\"amount\">\(receipt.amountLine)</p>",
        ]
        if let tax = receipt.taxLine { body.append("<p class=\"tax\">\(tax)</p>") }
        body.append("</div>")
        if let stamp = receipt.stampLine { body.append("<p class=\"stamp\">\(stamp)</p>") }
        body += [
            "<p class=\"purpose\">\(receipt.purposeLine)</p>",
            "<p class=\"acknowledgement\">\(receipt.acknowledgementLine)</p>",
            "<footer><p class=\"center\">\(Receipt.centerName)</p>",
            "<p class=\"issuer\">\(receipt.issuer)</p>",
        ]
        if let number = receipt.registrationNumber { body.append("<p class=\"registration\">\("登録番号 " + number.description)</p>") }
        body.append("</footer>")
        let page: Markup = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(receipt.title) \(receipt.number.description) | \(Receipt.centerName)</title>
            <style>\(Markup(trusted: paper.pageRule))\(Markup(trusted: style))</style>
            </head>
            <body class="\(paper.rawValue)">
            <main class="receipt">
            \(Markup(joining: body))
            </main>
            </body>
            </html>

            """
        return page.text
    }

    /// The page's style: a Mincho face as receipts are printed, the amount
    /// boxed, the stamp's place marked, nothing that breaks across pages.
    static let style = """
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #000; background: #fff;
               font-family: "Noto Serif CJK JP", "Noto Serif JP", "Yu Mincho", "YuMincho", "Hiragino Mincho ProN", serif; }
        .receipt { width: 186mm; max-width: 100%; margin: 0 auto; padding: 4mm 6mm; border: 0.4mm solid #000;
                   break-inside: avoid; page-break-inside: avoid; font-size: 11pt; line-height: 1.45; }
        p { margin: 0; }
        header { display: flex; justify-content: space-between; align-items: flex-start; }
        h1 { margin: 0; font-size: 22pt; font-weight: normal; letter-spacing: 0.5em; }
        h1.reissue { letter-spacing: 0.2em; }
        .meta { text-align: right; font-size: 10pt; }
        .reissued { font-weight: bold; }
        .addressee { margin-top: 5mm; width: 60%; font-size: 15pt; border-bottom: 0.3mm solid #000; }
        .sum { margin: 5mm auto 0; width: 70%; padding: 2mm 4mm; border: 0.6mm double #000; text-align: center; }
        .amount { font-size: 18pt; letter-spacing: 0.05em; }
        .tax { font-size: 10pt; }
        .stamp { float: left; width: 22mm; height: 22mm; margin: 3mm 4mm 0 0; padding-top: 7mm; border: 0.3mm dashed #000;
                 text-align: center; font-size: 8pt; }
        .purpose { margin-top: 4mm; }
        .acknowledgement { margin-top: 1mm; }
        footer { clear: both; margin-top: 4mm; text-align: right; }
        .center { font-size: 12pt; }
        @media screen { body { padding: 8mm 0; background: #eee; } .receipt { background: #fff; } }
        """
}

/// HTML markup built so that text can only enter it escaped: a string
/// literal is markup as written, and every value interpolated into one is
/// escaped (`HTMLText.escape`) unless it is `Markup` already.
private struct Markup: ExpressibleByStringInterpolation {
    let text: String

    init(stringLiteral value: String) { text = value }

    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Markup the page itself wrote (its style rules), never input.
    init(trusted text: String) { self.text = text }

    /// Pieces one after the other, a line each.
    init(joining pieces: [Markup]) { text = pieces.map(\.text).joined(separator: "\n") }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text, escaped.
        mutating func appendInterpolation(_ value: String) { text += HTMLText.escape(value) }

        /// Markup, as it is.
        mutating func appendInterpolation(_ markup: Markup) { text += markup.text }
    }
}
