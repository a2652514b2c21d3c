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
    ]

    /// The error in both languages; nil when its code has no Japanese yet.
    public static func message(for error: any AnyRefusal) -> LocalizedMessage? {
        guard let templates = japanese[error.codeName] ?? signIn[error.codeName],
              let ja = templates.lazy.compactMap({ render($0, details: error.details) }).first else { return nil }
        return LocalizedMessage(ja: ja, en: error.message)
    }

    /// `template` with its placeholders filled; nil when a detail it names is missing.
    static func render(_ template: String, details: [String: String]) -> String? {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let placeholder = rest[rest.index(after: open)..<close].split(separator: ":", maxSplits: 1).map(String.init)
            guard let key = placeholder.first, let value = details[key] else { return nil }
            out += format(value, as: placeholder.count == 2 ? placeholder[1] : nil)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A detail written as `style` says (yen, date); as it is otherwise or
    /// when it does not read as one.
    static func format(_ value: String, as style: String?) -> String {
        switch style {
        case "yen": Int(value).map(Yen.label) ?? value
        case "date": LocalDate(value)?.japaneseReceiptLabel ?? value
        default: value
        }
    }
}
