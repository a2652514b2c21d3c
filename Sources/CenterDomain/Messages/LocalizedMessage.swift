/// A message in both languages of the service (日本語・English).
public struct LocalizedMessage: Hashable, Sendable {
    public let ja: String
    public let en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    /// The message in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}
