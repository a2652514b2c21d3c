/// An attribute of an element. Values are always double-quoted and escaped
/// on rendering; names come from closed lists, so no event handler (`on…`),
/// no inline `style` and no `srcdoc` can be written, and the attributes that
/// take a URL (`href`, `src`, `action`, `formaction`) only take a `SafeURL`.
public struct Attribute: Sendable {
    enum Value: Sendable {
        case text(String)
        case url(SafeURL)
        case flag
    }

    let name: String
    let value: Value

    init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// `name="value"` for one of the plain attributes.
    public init(_ name: AttributeName, _ value: String) { self.init(name: name.name, value: .text(value)) }

    /// A boolean attribute, present or not: `required`, `checked`, …
    public init(_ flag: AttributeFlag) { self.init(name: flag.name, value: .flag) }

    public static func href(_ url: SafeURL) -> Attribute { Attribute(name: "href", value: .url(url)) }
    public static func src(_ url: SafeURL) -> Attribute { Attribute(name: "src", value: .url(url)) }
    public static func action(_ url: SafeURL) -> Attribute { Attribute(name: "action", value: .url(url)) }
    public static func formaction(_ url: SafeURL) -> Attribute { Attribute(name: "formaction", value: .url(url)) }

    public static func `class`(_ value: String) -> Attribute { Attribute(.class, value) }
    public static func id(_ value: String) -> Attribute { Attribute(.id, value) }
    public static func name(_ value: String) -> Attribute { Attribute(.name, value) }
    public static func type(_ value: String) -> Attribute { Attribute(.type, value) }
    public static func value(_ value: String) -> Attribute { Attribute(.value, value) }
    public static func `for`(_ value: String) -> Attribute { Attribute(.for, value) }
    public static func lang(_ value: String) -> Attribute { Attribute(.lang, value) }
    public static func autocomplete(_ value: String) -> Attribute { Attribute(.autocomplete, value) }
    public static func method(_ value: String) -> Attribute { Attribute(.method, value) }
    public static func rel(_ value: String) -> Attribute { Attribute(.rel, value) }
    public static func scope(_ value: String) -> Attribute { Attribute(.scope, value) }
    public static func title(_ value: String) -> Attribute { Attribute(.title, value) }

    public static let required = Attribute(.required)
    public static let checked = Attribute(.checked)
    public static let selected = Attribute(.selected)
    public static let disabled = Attribute(.disabled)
    public static let hidden = Attribute(.hidden)

    /// `aria-NAME="value"` (WAI-ARIA 1.2 states and properties).
    public static func aria(_ name: AttributeName.Suffix, _ value: String) -> Attribute {
        Attribute(name: "aria-" + name.text, value: .text(value))
    }

    /// `data-NAME="value"`, for the pages' own scripts and tests.
    public static func data(_ name: AttributeName.Suffix, _ value: String) -> Attribute {
        Attribute(name: "data-" + name.text, value: .text(value))
    }
}

/// The name of a plain attribute: one that takes text and no URL.
public struct AttributeName: Sendable, Hashable {
    let name: String

    init(_ name: String) { self.name = name }

    public static let id = AttributeName("id")
    public static let `class` = AttributeName("class")
    public static let lang = AttributeName("lang")
    public static let dir = AttributeName("dir")
    public static let title = AttributeName("title")
    public static let role = AttributeName("role")
    public static let name = AttributeName("name")
    public static let value = AttributeName("value")
    public static let type = AttributeName("type")
    public static let `for` = AttributeName("for")
    public static let form = AttributeName("form")
    public static let method = AttributeName("method")
    public static let enctype = AttributeName("enctype")
    public static let autocomplete = AttributeName("autocomplete")
    public static let inputmode = AttributeName("inputmode")
    public static let enterkeyhint = AttributeName("enterkeyhint")
    public static let autocapitalize = AttributeName("autocapitalize")
    public static let spellcheck = AttributeName("spellcheck")
    public static let placeholder = AttributeName("placeholder")
    public static let pattern = AttributeName("pattern")
    public static let minlength = AttributeName("minlength")
    public static let maxlength = AttributeName("maxlength")
    public static let min = AttributeName("min")
    public static let max = AttributeName("max")
    public static let step = AttributeName("step")
    public static let size = AttributeName("size")
    public static let rows = AttributeName("rows")
    public static let cols = AttributeName("cols")
    public static let rel = AttributeName("rel")
    public static let media = AttributeName("media")
    public static let hreflang = AttributeName("hreflang")
    public static let charset = AttributeName("charset")
    public static let content = AttributeName("content")
    public static let scope = AttributeName("scope")
    public static let colspan = AttributeName("colspan")
    public static let rowspan = AttributeName("rowspan")
    public static let headers = AttributeName("headers")
    public static let datetime = AttributeName("datetime")
    public static let alt = AttributeName("alt")
    public static let width = AttributeName("width")
    public static let height = AttributeName("height")
    public static let tabindex = AttributeName("tabindex")

    /// The part after `aria-` or `data-`: lowercase ASCII letters, digits
    /// and `-`, starting with a letter. Any other text is replaced by `x`,
    /// so a name can never close the attribute or the tag.
    public struct Suffix: Sendable, Hashable, ExpressibleByStringLiteral {
        let text: String

        public init(_ text: String) {
            let valid = !text.isEmpty && text.utf8.count <= 64
                && text.utf8.first.map { (97...122).contains($0) } == true
                && text.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
            self.text = valid ? text : "x"
        }

        public init(stringLiteral value: String) { self.init(value) }
    }
}

/// A boolean attribute: present means true (HTML §2.3.2).
public struct AttributeFlag: Sendable, Hashable {
    let name: String

    init(_ name: String) { self.name = name }

    public static let required = AttributeFlag("required")
    public static let checked = AttributeFlag("checked")
    public static let selected = AttributeFlag("selected")
    public static let disabled = AttributeFlag("disabled")
    public static let readonly = AttributeFlag("readonly")
    public static let hidden = AttributeFlag("hidden")
    public static let autofocus = AttributeFlag("autofocus")
    public static let multiple = AttributeFlag("multiple")
    public static let novalidate = AttributeFlag("novalidate")
    public static let open = AttributeFlag("open")
}
