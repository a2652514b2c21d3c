import HTML

/// Form parts as the design system has them: the label above the field,
/// `必須` beside it, a hint under the label, the error right under the
/// field it concerns (also tied to it by `aria-describedby`), and a summary
/// of the errors at the top linking to each field. Forms set `novalidate`:
/// the server checks every field and says what is wrong in words, the
/// same for every browser.
enum Forms {
    /// One text field.
    struct Field {
        let id: String
        let label: String
        var type = "text"
        var value = ""
        var autocomplete: String
        var hint: String?
        var error: String?
        var inputmode: String?
        /// Keeps phones from capitalising or correcting a login or a code.
        var literal = false
    }

    static func token(_ value: String) -> Node {
        el(.input, .type("hidden"), .name("form_token"), .value(value))
    }

    static func field(_ field: Field, words: Words, required: Bool = true) -> Node {
        var described: [String] = []
        if field.hint != nil { described.append(field.id + "-hint") }
        if field.error != nil { described.append(field.id + "-error") }
        var attributes: [Attribute] = [.id(field.id), .name(field.id), .type(field.type), .autocomplete(field.autocomplete)]
        if required { attributes.append(.required) }
        // A date or month field takes no aria-required (ARIA in HTML); `required` says it.
        if required, field.type != "date", field.type != "month" { attributes.append(.aria("required", "true")) }
        if !field.value.isEmpty { attributes.append(.value(field.value)) }
        if let inputmode = field.inputmode { attributes.append(Attribute(.inputmode, inputmode)) }
        if field.literal {
            attributes += [Attribute(.autocapitalize, "none"), Attribute(.spellcheck, "false")]
        }
        if !described.isEmpty { attributes.append(.aria("describedby", described.joined(separator: " "))) }
        if field.error != nil { attributes.append(.aria("invalid", "true")) }
        return el(.div, .class(field.error == nil ? "field" : "field invalid")) {
            el(.label, .for(field.id)) {
                field.label
                if required { el(.span, .class("required")) { words[.required] } }
            }
            if let hint = field.hint { el(.p, .class("hint"), .id(field.id + "-hint")) { hint } }
            el(.input, attributes: attributes)
            if let error = field.error { el(.p, .class("error"), .id(field.id + "-error")) { error } }
        }
    }

    /// The errors of a form, each linking to its field; nothing when there are none.
    static func summary(_ errors: [(field: String, message: String)], words: Words) -> Node {
        guard !errors.isEmpty else { return .empty }
        return el(.div, .class("error-summary"), Attribute(.role, "alert"), .aria("labelledby", "error-summary-title")) {
            el(.h2, .id("error-summary-title")) { words[.errorSummary] }
            el(.ul) {
                for error in errors { el(.li) { el(.a, .href(SafeURL("#" + error.field))) { error.message } } }
            }
        }
    }
}
