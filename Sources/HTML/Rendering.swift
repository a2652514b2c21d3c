extension Node {
    func render(into out: inout String) {
        switch content {
        case .text(let text):
            Escaping.append(text, to: &out)
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        case .style(let css):
            let sheet = css.description
            out += "<style>"
            if !sheet.contains("</") { out += sheet }
            out += "</style>\n"
        case .element(let tag, let attributes, let children):
            out += "<" + tag.name
            for attribute in attributes { attribute.render(into: &out) }
            out += ">"
            if tag.opensLine { out += "\n" }
            guard !tag.isVoid else {
                if tag.endsLine { out += "\n" }
                return
            }
            for child in children { child.render(into: &out) }
            out += "</" + tag.name + ">"
            if tag.endsLine { out += "\n" }
        }
    }
}

extension Attribute {
    func render(into out: inout String) {
        out += " " + name
        switch value {
        case .flag: return
        case .text(let text):
            out += "=\""
            Escaping.append(text, to: &out)
        case .url(let url):
            out += "=\""
            Escaping.append(url.text, to: &out)
        }
        out += "\""
    }
}
