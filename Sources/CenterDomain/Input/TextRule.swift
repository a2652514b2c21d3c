import CalendarValues
import Foundation

/// The one rule for text a person types into the service (names, purposes,
/// reasons, notes), applied the same way to every field:
///
/// - text is kept in Unicode NFC, so a name typed with a decomposed
///   dakuten (か + ゛, as some keyboards send it) is the same name as the
///   precomposed one (が), and is stored that way;
/// - length is counted in Unicode scalars (code points) after NFC, which is
///   what SQLite's `length()` counts on TEXT, so the service and the
///   database's `CHECK (length(name) BETWEEN 1 AND 200)` always agree (a
///   flag emoji is two, a composed が is one);
/// - control characters are refused: C0 (U+0000–U+001F, including NUL, tab
///   and ESC), DEL, C1 (U+0080–U+009F) and the line and paragraph
///   separators U+2028/U+2029; a line feed is allowed only in a multi-line
///   field, where CR LF is read as LF;
/// - a required field must hold something besides white space (U+3000
///   included).
///
/// Which fields are multi-line: only free notes (`TextRule.note`); names,
/// purposes and reasons are shown on one line in lists, the lobby board,
/// calendar feeds and CSV reports. docs/API.md "Text" lists every field's cap.
public struct TextRule: Sendable, Hashable {
    /// The most Unicode scalars the text may hold, after NFC.
    public let maximumLength: Int
    /// Whether the text must hold a non-blank character.
    public let required: Bool
    /// Whether line feeds are allowed.
    public let multiline: Bool

    public init(maximumLength: Int, required: Bool, multiline: Bool = false) {
        self.maximumLength = maximumLength
        self.required = required
        self.multiline = multiline
    }

    /// A name of a person, group, token, item or document: 1 to 200.
    public static let name = TextRule(maximumLength: 200, required: true)
    /// An optional name or short label: up to 200.
    public static let optionalName = TextRule(maximumLength: 200, required: false)
    /// A purpose or reason: 1 to 500, one line.
    public static let reason = TextRule(maximumLength: 500, required: true)
    /// An optional reason or contact: up to 500, one line.
    public static let optionalReason = TextRule(maximumLength: 500, required: false)
    /// A free note: up to 500, several lines.
    public static let note = TextRule(maximumLength: 500, required: false, multiline: true)
    /// Any string of a request body before its field's own rule applies
    /// (codes, ids, notes of other modules): up to 2,000, several lines.
    public static let anyText = TextRule(maximumLength: 2_000, required: false, multiline: true)

    /// `text` in NFC (CR LF as LF in a multi-line field), or why it is refused.
    public func accept(_ text: String) throws(TextProblem) -> String {
        var normalised = Self.normalised(text)
        // A byte scan first: every string of every request body comes here.
        if multiline, normalised.utf8.contains(0x0D), normalised.contains("\r\n") {
            normalised = normalised.replacingOccurrences(of: "\r\n", with: "\n")
        }
        if let problem = problem(in: normalised) { throw problem }
        return normalised
    }

    /// The problem of text already in NFC, or nil.
    public func problem(in text: String) -> TextProblem? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiProblem(in: text) }
        for scalar in text.unicodeScalars where Self.isRefused(scalar) {
            if scalar == "\n" {
                if multiline { continue }
                return .lineBreak
            }
            return scalar == "\r" && !multiline ? .lineBreak : .controlCharacter(scalar.value)
        }
        let length = Self.length(of: text)
        if length > maximumLength { return .tooLong(length: length, maximum: maximumLength) }
        if required, text.allSatisfy(\.isWhitespace) { return .blank }
        return nil
    }

    /// `problem(in:)` of ASCII text, in one pass over its bytes (each a
    /// scalar and a character): the first refused byte, then the length,
    /// then blankness (what is left of white space in ASCII once controls
    /// are refused: spaces, and line feeds where they are allowed).
    private func asciiProblem(in text: String) -> TextProblem? {
        var blank = true
        for byte in text.utf8 {
            switch byte {
            case 0x0A:
                guard multiline else { return .lineBreak }
            case 0x0D where !multiline:
                return .lineBreak
            case 0x00...0x1F, 0x7F:
                return .controlCharacter(UInt32(byte))
            case 0x20:
                break
            default:
                blank = false
            }
        }
        let length = text.utf8.count
        if length > maximumLength { return .tooLong(length: length, maximum: maximumLength) }
        if required, blank { return .blank }
        return nil
    }

    /// The length this rule (and SQLite's `length()`) counts: Unicode scalars.
    public static func length(of text: String) -> Int { text.unicodeScalars.count }

    /// Unicode Normalization Form C.
    public static func normalised(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// C0, DEL, C1, LINE SEPARATOR and PARAGRAPH SEPARATOR (`InputText.isRefused`).
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool { InputText.isRefused(scalar) }

    /// `text` as a message may echo it (`InputText.echo`): quoted, at most
    /// 100 characters (then "…"), control characters shown as `U+XXXX`.
    public static func echo(_ text: String) -> String { InputText.echo(text) }
}

/// Why a text was refused by its `TextRule`.
public enum TextProblem: Error, Sendable, Equatable {
    case blank
    case tooLong(length: Int, maximum: Int)
    case controlCharacter(UInt32)
    case lineBreak

    /// The problem as a message says it after the field's name.
    public var message: String {
        switch self {
        case .blank: "must not be empty or blank"
        case .tooLong(let length, let maximum): "is at most \(maximum) characters; this one has \(length)"
        case .controlCharacter(let value): "must not hold control characters (\(InputText.codePoint(value)) found)"
        case .lineBreak: "must be a single line"
        }
    }
}

extension TextRule {
    /// Checks `text` for the field `field` (its JSON name) and returns it in
    /// NFC; a refusal has `code` (the field's own, of the caller's set), the
    /// field in the message and `details.field`.
    @discardableResult
    public func check<Code: ErrorCode>(_ text: String, field: String, code: Code) throws(Refusal<Code>) -> String {
        do {
            return try accept(text)
        } catch {
            throw Refusal(code, "`\(field)` \(error.message).", details: ["field": field].merging(error.details) { $1 })
        }
    }
}

extension TextProblem {
    /// The problem for programs (and the Japanese message): `problem`
    /// (`blank`, `too_long`, `control_character`, `line_break`) and, when too
    /// long, the `maximum` and the `length` found.
    public var details: [String: String] {
        switch self {
        case .blank: ["problem": "blank"]
        case .tooLong(let length, let maximum): ["problem": "too_long", "maximum": String(maximum), "length": String(length)]
        case .controlCharacter(let value): ["problem": "control_character", "character": InputText.codePoint(value)]
        case .lineBreak: ["problem": "line_break"]
        }
    }
}
