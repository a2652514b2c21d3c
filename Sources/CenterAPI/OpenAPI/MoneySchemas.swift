import CenterDomain
import JSON

/// The component schemas of money at the counter: a booking's ledger, a
/// payment taken, a receipt, the day's takings; each with an example.
enum MoneySchemas {
    static let methods: Schemas.Field = .enumeration(PaymentMethod.allCases.map(\.rawValue))

    static let paymentLine: JSONValue = [
        "number": 1, "amount": 1000, "method": "cash", "method_ja": "現金", "taken_by": "窓口 山田",
        "at": "2026-11-25T10:05:00+09:00", "receipt": "2026-000001",
    ]

    static let account: JSONValue = [
        "booking": 11, "state": "provisional", "fee_total": 3500, "fee": 3500, "paid": 1000, "refunded": 0, "paid_out": 0,
        "refund_owed": 0, "outstanding": 2500, "payment_status": "partial", "payment_status_ja": "一部入金",
        "payments": [paymentLine], "refunds": [],
    ]

    static let receipt: JSONValue = [
        "number": "2026-000001", "fiscal_year": 2026, "fiscal_year_label": "令和8年度", "sequence": 1, "title": "領収書",
        "reissue": false, "issued_on": "2026-11-25", "issued_on_ja": "令和8年11月25日(水)", "payer": "中野商店会",
        "addressee": "中野商店会 様", "amount": 3500, "tax_percent": 10, "tax_included": 318, "stamp_duty": 0, "method": "cash",
        "method_ja": "現金", "purpose": "会議室1 令和8年12月10日(木) 午前・午後 使用料として", "issuer": "指定管理者❶〜❺",
        "lines": ["領収書", "No. 2026-000001（令和8年度）", "発行日 令和8年11月25日(水)", "中野商店会 様", "金額 ¥3,500-（税込）",
                  "（内消費税等 10% ¥318）", "但し 会議室1 令和8年12月10日(木) 午前・午後 使用料として",
                  "上記の金額を現金にて正に領収いたしました。", "中野区産業振興センター", "指定管理者❶〜❺"],
        "booking": 11, "payment": 1, "issued_at": "2026-11-25T10:06:00+09:00", "issued_by": "staff:Front desk#3", "reissues": [],
    ]

    static let takingsLine: JSONValue = [
        "label": "現金", "payment_count": 3, "received": 9500, "refund_count": 1, "refunded": 1750, "net": 7750,
    ]

    static let components: [(String, JSONValue)] = [
        ("PaymentLine", Schemas.object([
            "number": .integer, "amount": .integer, "method": methods, "method_ja": .string, "taken_by": .string, "at": .instant,
            "receipt": .string], required: ["number", "amount", "method", "taken_by", "at"], example: paymentLine)),
        ("RefundLine", Schemas.object([
            "number": .integer, "amount": .integer, "percent": .integer,
            "reason": .enumeration(["cancellation", "lapse", "closure"]), "decided_at": .instant, "paid_out": .integer,
            "owed": .integer, "payouts": .array(.ref("PayoutLine"))],
            required: ["number", "amount", "percent", "reason", "decided_at", "paid_out", "owed", "payouts"])),
        ("PayoutLine", Schemas.object([
            "amount": .integer, "method": methods, "method_ja": .string, "paid_by": .string, "at": .instant],
            required: ["amount", "method", "paid_by", "at"])),
        ("BookingAccount", Schemas.object([
            "booking": .integer, "state": .enumeration(BookingSchemas.states), "fee_total": .integer, "fee": .integer,
            "paid": .integer, "refunded": .integer, "paid_out": .integer, "refund_owed": .integer, "outstanding": .integer,
            "payment_status": .enumeration(PaymentLedger.Status.allCases.map(\.rawValue)), "payment_status_ja": .string,
            "payments": .array(.ref("PaymentLine")), "refunds": .array(.ref("RefundLine"))],
            required: ["booking", "state", "fee_total", "fee", "paid", "refunded", "paid_out", "refund_owed", "outstanding",
                       "payment_status", "payments", "refunds"], example: account)),
        ("PaymentTaken", Schemas.object(["payment": .ref("PaymentLine"), "account": .ref("BookingAccount")],
                                        required: ["payment", "account"], example: ["payment": paymentLine, "account": account])),
        ("Receipt", Schemas.object([
            "number": .string, "fiscal_year": .integer, "fiscal_year_label": .string, "sequence": .integer, "title": .string,
            "reissue": .boolean, "issued_on": .date, "issued_on_ja": .string, "reissued_on": .date, "payer": .string,
            "addressee": .string, "amount": .integer, "tax_percent": .integer, "tax_included": .integer, "stamp_duty": .integer,
            "method": methods, "method_ja": .string, "purpose": .string, "issuer": .string, "registration_number": .string,
            "lines": .array(.string), "booking": .integer, "payment": .integer, "issued_at": .instant, "issued_by": .string,
            "reissues": .array(.ref("ReceiptReissue"))],
            required: ["number", "fiscal_year", "sequence", "title", "reissue", "issued_on", "payer", "amount", "method", "purpose",
                       "issuer", "lines", "booking", "payment", "issued_at", "issued_by", "reissues"], example: receipt)),
        ("ReceiptReissue", Schemas.object(["reissued_on": .date, "reissued_by": .string, "at": .instant],
                                          required: ["reissued_on", "reissued_by", "at"])),
        ("TakingsTotal", Schemas.object([
            "label": .string, "payment_count": .integer, "received": .integer, "refund_count": .integer, "refunded": .integer,
            "net": .integer], required: ["label", "payment_count", "received", "refund_count", "refunded", "net"])),
        ("TakingsMovement", Schemas.object([
            "kind": .enumeration(["payment", "refund_payout"]), "booking": .integer, "amount": .integer, "method": methods,
            "staff": .string, "at": .instant, "receipt": .string], required: ["kind", "booking", "amount", "method", "staff", "at"])),
        ("DailyTakings", Schemas.object([
            "date": .date, "date_ja": .string, "by_method": .array(.ref("TakingsTotal")), "by_staff": .array(.ref("TakingsTotal")),
            "total": .ref("TakingsTotal"), "lines": .array(.ref("TakingsMovement"))],
            required: ["date", "by_method", "by_staff", "total", "lines"],
            example: ["date": "2026-11-25", "date_ja": "令和8年11月25日(水)", "by_method": [takingsLine], "by_staff": [],
                      "total": takingsLine, "lines": []])),
    ]
}
