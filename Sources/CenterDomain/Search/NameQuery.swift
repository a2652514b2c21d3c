/// A name search (氏名・フリガナ検索) as staff type it at the counter: `q`
/// matches a registration when its folded form (`NameFolding.searchKey`)
/// occurs anywhere in the folded name or the folded フリガナ, so `やまだ`,
/// `ﾔﾏﾀﾞ` and `ヤマダ` all find `山田 花子 (ヤマダ ハナコ)`, and `花子` finds it too.
///
/// The query is one line of at most `maximumLength` characters (TextRule)
/// and must hold something to match once folded: a query of only spaces or
/// middle dots is refused (`search_query_invalid`), rather than matching
/// every registration.
public struct NameQuery: Hashable, Sendable {
    /// The folded query.
    public let key: String

    /// The longest query, in Unicode scalars.
    public static let maximumLength = 100

    /// Reads `text` (the `q` parameter); `.invalid` `search_query_invalid`
    /// (details: `field` q) when it is too long, not one line, or blank.
    public init(_ text: String) throws(Refusal<NameQuery.Code>) {
        let rule = TextRule(maximumLength: Self.maximumLength, required: true)
        let checked = try rule.check(text, field: "q", code: NameQuery.Code.invalid)
        let key = NameFolding.searchKey(checked)
        guard !key.isEmpty else {
            throw Refusal(.invalid, "`q` must hold a name or kana to search for.", details: ["field": "q"])
        }
        self.key = key
    }

    /// Whether the query occurs in `name` or `kana` once both are folded.
    public func matches(name: String, kana: String? = nil) -> Bool {
        NameFolding.searchKey(name).contains(key) || (kana.map { NameFolding.searchKey($0).contains(key) } ?? false)
    }
}

extension NameQuery {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case invalid = "search_query_invalid"
    }
}
