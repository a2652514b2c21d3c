/// A whole page: `<!doctype html>`, `<html lang="…">`, a head that starts
/// with `<meta charset="utf-8">` and the title, and the body.
public struct Document: Sendable {
    /// The page's language as a BCP 47 tag: `ja`, `en`.
    public var language: String
    public var title: String
    /// What follows the charset and the title in the head: viewport, style
    /// sheets, refresh.
    public var head: [Node]
    public var bodyAttributes: [Attribute]
    public var body: [Node]

    public init(language: String = "ja", title: String, bodyAttributes: [Attribute] = [],
                @HTMLBuilder head: () -> [Node] = { [] }, @HTMLBuilder body: () -> [Node]) {
        self.language = language
        self.title = title
        self.head = head()
        self.bodyAttributes = bodyAttributes
        self.body = body()
    }

    /// The document as HTML text.
    public func render() -> String {
        var out = "<!doctype html>\n<html lang=\"\(Escaping.escaped(language))\">\n"
        el(.head) {
            el(.meta, Attribute(.charset, "utf-8"))
            el(.title) { title }
            head
        }.render(into: &out)
        el(.body, attributes: bodyAttributes) { body }.render(into: &out)
        out += "</html>\n"
        return out
    }
}
