/// A piece of an HTML document: text, an element with its attributes and
/// children, or a run of pieces. Text and attribute values are escaped when
/// the node is rendered, so data can never become markup: there is no way to
/// put a string into the output unescaped. The only markup that is not built
/// from these values is a constant style sheet (`Node.style`), which a
/// `StaticString` keeps to what the program itself spells out.
public struct Node: Sendable {
    enum Content: Sendable {
        case text(String)
        case element(Tag, [Attribute], [Node])
        case fragment([Node])
        case style(StaticString)
    }

    let content: Content

    init(_ content: Content) { self.content = content }

    /// Text, escaped on rendering (`&`, `<`, `>`, `"`, `'`).
    public static func text(_ text: String) -> Node { Node(.text(text)) }

    /// Nodes side by side, without an element around them.
    public static func fragment(_ nodes: [Node]) -> Node { Node(.fragment(nodes)) }

    /// Nothing: what an absent optional part renders as.
    public static let empty = Node(.fragment([]))

    /// A `<style>` element with a constant style sheet. Pages of the service
    /// link their style sheet instead (its Content-Security-Policy forbids
    /// inline styles); a stand-alone page such as the lobby board keeps its
    /// own. A sheet that holds `</` could end the element early and is
    /// rendered empty.
    public static func style(_ css: StaticString) -> Node { Node(.style(css)) }

    /// `<meta http-equiv="refresh" content="N">`: reload the page every
    /// `seconds`. The attribute is not otherwise available, so no URL can be
    /// smuggled into a refresh.
    public static func refresh(every seconds: Int) -> Node {
        Node(.element(.meta, [Attribute(name: "http-equiv", value: .text("refresh")),
                              Attribute(name: "content", value: .text(String(max(1, seconds))))], []))
    }

    /// The node as HTML text.
    public var html: String {
        var out = ""
        render(into: &out)
        return out
    }
}

/// An element: `el(.p, .class("hint")) { "本文" }`. Text in the children is
/// escaped; a void element (`input`, `meta`, …) renders no children.
public func el(_ tag: Tag, _ attributes: Attribute..., @HTMLBuilder children: () -> [Node] = { [] }) -> Node {
    Node(.element(tag, attributes, tag.isVoid ? [] : children()))
}

/// An element with its attributes in a list (built up by code).
public func el(_ tag: Tag, attributes: [Attribute], @HTMLBuilder children: () -> [Node] = { [] }) -> Node {
    Node(.element(tag, attributes, tag.isVoid ? [] : children()))
}
