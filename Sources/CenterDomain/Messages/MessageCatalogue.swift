import CalendarValues

/// The Japanese of refusals, by their stable code: the English is the
/// refusal's own message, the Japanese a template here filled from the
/// error's details, so an answer can be given in either language
/// (`Language.preferred`) with the same code.
///
/// In a template `{key}` is the detail `key` as it is, `{key:yen}` a yen
/// amount (`¥2,000`), `{key:date}` a date with its era and weekday
/// (`令和8年7月1日(水)`). A code may have several templates: the first whose
/// details are all present is used, so a refusal with fewer details still
/// reads well.
public enum MessageCatalogue {
    /// Templates by code, in the order they are tried.
    public static let japanese: [String: [String]] = [
        "search_query_invalid": ["検索語（q）には氏名かフリガナを1行、100文字以内で入力してください。"],
        "name_kana_invalid": ["フリガナはカタカナかひらがなで入力してください。「{character}」は使えません。",
                              "フリガナをカタカナかひらがなで、1行、200文字以内で入力してください。"],
        "postal_code_invalid": ["郵便番号は7桁の数字で入力してください（例: 164-0001）。"],
        "address_invalid": ["住所を1行、200文字以内で入力してください。"],
        "possible_duplicate": ["同じ氏名と電話番号、または同じ法人番号の登録（登録ID {registrations}）がすでにあります。確認のうえ、別の利用者として登録する場合は confirm_new を true にしてください。"],
        "payment_amount_invalid": ["入金額は1円以上で入力してください。"],
        "overpayment": ["入金額 {amount:yen} が未収額 {outstanding:yen} を超えています（使用料 {fee:yen}、入金済み {paid:yen}）。受け取れるのは未収額までです。"],
        "refund_amount_invalid": ["還付額は1円以上で入力してください。"],
        "refund_exceeds_payments": ["還付額 {amount:yen} が還付できる額 {refundable:yen} を超えています（入金 {paid:yen}、還付決定済み {refunded:yen}）。"],
        "refund_method_invalid": ["還付金は現金、カードまたは振込でお返しください。請求書払いでは還付できません。"],
        "refund_payout_exceeds_due": ["支払う還付金 {amount:yen} が未払いの還付額 {owed:yen} を超えています。"],
        "receipt_out_of_order": ["領収書 {last} より前の年度の日付（{date:date}）で領収書は発行できません。"],
        "receipt_amount_invalid": ["領収書の金額は1円以上です。"],
        "receipt_payer_invalid": ["領収書の宛名を1行、200文字以内で入力してください。"],
        "receipt_issuer_invalid": ["領収書の発行者名を1行、200文字以内で入力してください。"],
        "invoice_registration_number_invalid": ["登録番号は T と13桁の数字で入力してください（例: T1234567890123）。"],
        "no_show_not_booking_day": ["この予約は{date:date}の予約ではありません。無断キャンセルは利用日に記録します。"],
        "no_show_too_early": ["{date:date}の利用開始（{start}）より前は、無断キャンセルを記録できません。"],
        "staff_name_invalid": ["担当者名を1行、200文字以内で入力してください。"],
        "refund_not_found": ["予約 {booking} に還付 {refund} はありません。", "指定の還付はありません。"],
        "payment_not_found": ["予約 {booking} に入金 {payment} はありません。", "指定した入金はありません。"],
        "receipt_already_issued": ["予約 {booking} の入金 {payment} には領収書 {receipt} を発行済みです。必要なら再発行してください。", "この入金には領収書を発行済みです。必要なら再発行してください。"],
        "nothing_to_receipt": ["予約 {booking} には領収書を発行できる入金がありません。", "領収書を発行できる入金がありません。"],
        "receipt_not_found": ["領収書 {receipt} はありません。番号は 2026-000123 の形です。", "その番号の領収書はありません。番号は 2026-000123 の形です。"],
    ]

    /// Every code's templates: the front desk's above, then every other
    /// code's and the detail-free last resorts (`everyCode`).
    public static let templates: [String: [String]] = japanese.merging(everyCode) { front, more in front + more }
        .merging(signIn) { front, more in front + more }

    /// The error in both languages; nil when its code has no Japanese yet.
    public static func message(for error: any AnyRefusal, names: [String: String] = [:]) -> LocalizedMessage? {
        message(code: error.codeName, english: error.message, details: error.details, names: names)
    }

    /// A message of code `code` in both languages: `english` as it is and
    /// the first of the code's templates that `details` fill; nil when the
    /// code has no Japanese. `names` gives the Japanese of ids in details
    /// (facilities, from the configuration) beside `defaultNames`.
    public static func message(code: String, english: String, details: [String: String],
                               names: [String: String] = [:]) -> LocalizedMessage? {
        guard let list = templates[code],
              let ja = list.lazy.compactMap({ render($0, details: details, names: names) }).first else { return nil }
        return LocalizedMessage(ja: ja, en: english)
    }

    /// `template` with its placeholders filled; nil when a detail it names is missing.
    ///
    /// Read as UTF-8 bytes: `{`, `}` and `:` are ASCII, never a byte of a
    /// Japanese character, and searching the templates Character by
    /// Character (grapheme by grapheme) was most of the cost of answering a
    /// refusal.
    static func render(_ template: String, details: [String: String], names: [String: String] = [:]) -> String? {
        let bytes = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                out.append(bytes[index])
                index += 1
                continue
        }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
            let inner = bytes[(index + 1)..<close]
            let colon = inner.firstIndex(of: UInt8(ascii: ":"))
            let key = String(decoding: inner[..<(colon ?? close)], as: UTF8.self)
            guard !key.isEmpty, let value = details[key] else { return nil }
            let style = colon.map { String(decoding: inner[($0 + 1)...], as: UTF8.self) }
            out += format(value, as: style, names: names).utf8
            index = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The styles a placeholder may name after its key.
    static let styles: Set<String> = ["yen", "date", "instant", "time", "name", "names", "state", "category", "field", "problem"]

    /// A detail written as `style` says: `yen` (`¥2,000`), `date`
    /// (`令和8年7月1日(水)`), `instant` (the date and `9:30`), `time` (`9:30`),
    /// `name` and `names` (ids, comma-separated for `names`, by their
    /// Japanese names), `state` (a booking's or another state), `category`
    /// (利用者区分), `field` (a request field by its Japanese name) and
    /// `problem` (what is wrong with a text); as it is otherwise or when it
    /// does not read as one.
    static func format(_ value: String, as style: String?, names: [String: String] = [:]) -> String {
        func named(_ id: String) -> String { names[id] ?? defaultNames[id] ?? id }
        switch style {
        case "yen": return Int(value).map(Yen.label) ?? value
        case "date": return LocalDate(value)?.japaneseReceiptLabel ?? value
        case "instant":
            guard let instant = Instant(rfc3339: value) else { return value }
            return instant.japanDate.japaneseReceiptLabel + " " + clock(instant)
        case "time": return Instant(rfc3339: value).map(clock) ?? value
        case "name": return named(value)
        case "names": return value.split(separator: ",").map { named(String($0)) }.joined(separator: "・")
        case "state": return BookingState(rawValue: value)?.japaneseName ?? named(value)
        case "category": return UserCategory(rawValue: value)?.japaneseName ?? value
        case "field": return fieldNames[value].map { "\($0)（\(value)）" } ?? value
        case "problem": return problems[value] ?? "が正しくありません"
        default: return value
        }
    }

    /// `9:30` in Japan.
    static func clock(_ instant: Instant) -> String {
        let minute = instant.japanSecondOfDay / 60
        return "\(minute / 60):" + (minute % 60 < 10 ? "0" : "") + String(minute % 60)
    }
}
