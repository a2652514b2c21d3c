import CenterDomain
import CenterService
import HTML

/// A receipt (領収書) as one printable HTML page: A5 landscape by default,
/// A4 portrait when asked, the printed lines of the receipt and nothing
/// else (no script, no link, no image), so the page's visible text is
/// `Receipt.lines` in order. Built with the HTML module, so no text staff
/// or users typed can become markup. The API serves it at
/// `/receipts/{number}.html`, the front desk's pages at
/// `/desk/receipts/{number}`.
public enum ReceiptPage {
    /// The paper the page is laid out for.
    public enum Paper: String, CaseIterable, Sendable {
        case a5, a4

        /// The CSS page box: A5 landscape, or A4 portrait (the receipt at its top).
        var pageRule: StaticString {
            switch self {
            case .a5: "@page { size: A5 landscape; margin: 10mm 12mm; }"
            case .a4: "@page { size: A4 portrait; margin: 15mm 12mm; }"
            }
        }
    }

    /// The page's two style sheets as the page holds them (the paper's
    /// page box, then the layout), for a Content-Security-Policy that
    /// allows exactly these by their hashes.
    public static func styleSheets(for paper: Paper) -> [String] { [paper.pageRule.description, style.description] }

    public static func render(_ issued: IssuedReceipt, paper: Paper) -> String {
        let receipt = issued.receipt
        return Document(title: "\(receipt.title) \(receipt.number.description) | \(Receipt.centerName)",
                        bodyAttributes: [.class(paper.rawValue)]) {
            el(.meta, Attribute(.name, "viewport"), Attribute(.content, "width=device-width, initial-scale=1"))
            Node.style(paper.pageRule)
            Node.style(style)
        } body: {
            el(.main, .class("receipt")) {
                el(.header) {
                    el(.h1, attributes: receipt.isReissue ? [.class("reissue")] : []) { receipt.title }
                    el(.div, .class("meta")) {
                        el(.p) { receipt.numberLine }
                        el(.p) { receipt.issuedLine }
                        if let reissued = receipt.reissuedLine { el(.p, .class("reissued")) { reissued } }
                    }
                }
                el(.p, .class("addressee")) { receipt.addressee }
                el(.div, .class("sum")) {
                    el(.p, .class("amount")) { receipt.amountLine }
                    if let tax = receipt.taxLine { el(.p, .class("tax")) { tax } }
                }
                if let stamp = receipt.stampLine { el(.p, .class("stamp")) { stamp } }
                el(.p, .class("purpose")) { receipt.purposeLine }
                el(.p, .class("acknowledgement")) { receipt.acknowledgementLine }
                el(.footer) {
                    el(.p, .class("center")) { Receipt.centerName }
                    el(.p, .class("issuer")) { receipt.issuer }
                    if let number = receipt.registrationNumber { el(.p, .class("registration")) { "登録番号 " + number.description } }
                }
            }
        }.render()
    }

    /// The page's style: a Mincho face as receipts are printed, the amount
    /// boxed, the stamp's place marked, nothing that breaks across pages.
    static let style: StaticString = """
        * { box-sizing: border-box; }
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
