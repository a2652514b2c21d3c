/// The elements a page may use. The list is closed: there is no `script`,
/// `iframe`, `object` or `embed`, and `style` only through `Node.style`.
public struct Tag: Sendable, Hashable {
    let name: String
    /// Has no end tag and no children (HTML §13.1.2 void elements).
    let isVoid: Bool
    /// Starts a new line after its end tag, to keep the source readable.
    let endsLine: Bool
    /// Also starts one after its start tag: a container of lines.
    let opensLine: Bool

    init(_ name: String, void isVoid: Bool = false, line endsLine: Bool = false, opens opensLine: Bool = false) {
        self.name = name
        self.isVoid = isVoid
        self.endsLine = endsLine || opensLine
        self.opensLine = opensLine
    }

    public static let head = Tag("head", opens: true)
    public static let body = Tag("body", opens: true)
    public static let title = Tag("title", line: true)
    public static let meta = Tag("meta", void: true, line: true)
    public static let link = Tag("link", void: true, line: true)
    public static let header = Tag("header", opens: true)
    public static let footer = Tag("footer", opens: true)
    public static let main = Tag("main", opens: true)
    public static let nav = Tag("nav", opens: true)
    public static let section = Tag("section", opens: true)
    public static let article = Tag("article", line: true)
    public static let aside = Tag("aside", line: true)
    public static let h1 = Tag("h1", line: true)
    public static let h2 = Tag("h2", line: true)
    public static let h3 = Tag("h3", line: true)
    public static let p = Tag("p", line: true)
    public static let div = Tag("div", line: true)
    public static let ul = Tag("ul", opens: true)
    public static let ol = Tag("ol", opens: true)
    public static let li = Tag("li", line: true)
    public static let dl = Tag("dl", opens: true)
    public static let dt = Tag("dt")
    public static let dd = Tag("dd", line: true)
    public static let table = Tag("table", opens: true)
    public static let caption = Tag("caption", line: true)
    public static let thead = Tag("thead", opens: true)
    public static let tbody = Tag("tbody", opens: true)
    public static let tr = Tag("tr", line: true)
    public static let th = Tag("th")
    public static let td = Tag("td")
    public static let form = Tag("form", opens: true)
    public static let fieldset = Tag("fieldset", opens: true)
    public static let legend = Tag("legend")
    public static let label = Tag("label")
    public static let input = Tag("input", void: true)
    public static let button = Tag("button")
    public static let select = Tag("select")
    public static let option = Tag("option")
    public static let textarea = Tag("textarea")
    public static let img = Tag("img", void: true)
    public static let br = Tag("br", void: true)
    public static let hr = Tag("hr", void: true, line: true)
    public static let a = Tag("a")
    public static let span = Tag("span")
    public static let strong = Tag("strong")
    public static let em = Tag("em")
    public static let small = Tag("small")
    public static let time = Tag("time")
    public static let abbr = Tag("abbr")
    public static let code = Tag("code")
    public static let kbd = Tag("kbd")
    public static let output = Tag("output")
    public static let details = Tag("details", line: true)
    public static let summary = Tag("summary")
}
