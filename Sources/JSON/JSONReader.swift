/// A strict JSON reader (RFC 8259): the one way the service turns JSON text
/// into a `JSONValue`, for request bodies and configuration files alike.
///
/// Strict where Foundation is lenient or silent:
/// - a repeated key in one object is refused (`duplicateKey`), so
///   `{"a":1,"a":2}` cannot mean whichever value a parser happens to keep;
/// - the number grammar is exact (no `01`, `+1`, `.5`, `1.`, `NaN`);
///   integers without fraction or exponent that fit `Int` stay exact, any
///   other number becomes a `Double` (`-0` reads as the integer 0);
/// - strings are valid UTF-8, raw control characters are refused, `\u`
///   escapes must pair surrogates (a lone half is refused);
/// - nesting is limited (`maximumDepth`), only JSON whitespace is skipped,
///   and nothing but whitespace may follow the value (no BOM either).
public struct JSONReader {
    /// The deepest nesting of arrays and objects accepted by default.
    public static let defaultMaximumDepth = 64

    /// Parses `bytes` as one JSON document.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var reader = JSONReader(bytes: buffer, maximumDepth: maximumDepth)
            let value = try reader.parseValue()
            reader.skipWhitespace()
            guard reader.index == buffer.count else { throw reader.failure("unexpected text after the JSON value") }
            return value
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0
    /// The path to the value being read, for error messages.
    private var path: [JSONPath.Component] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private func failure(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(.malformed, message: message, offset: offset ?? index, in: bytes, path: JSONPath.text(path))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard let byte = current else { throw failure("the JSON text ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("expected a value, found \(Self.describe(byte))")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else {
            throw failure("expected a value, found \(Self.describe(bytes[index]))")
        }
        index += count
        return value
    }

    private mutating func enter() throws(JSONSyntaxError) {
        guard path.count < maximumDepth else { throw failure("arrays and objects are nested more than \(maximumDepth) deep") }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            path.append(.index(items.count))
            items.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ",")?: index += 1
            case UInt8(ascii: "]")?:
                index += 1
                return .array(items)
            case let other?: throw failure("expected ',' or ']' in an array, found \(Self.describe(other))")
            case nil: throw failure("the JSON text ends inside an array")
            }
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [(String, JSONValue)] = []
        // Repeats are found by a scan while an object is small (most are)
        // and by hashing beyond, so a huge object stays linear.
        var seen: Set<String>?
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw current.map { failure("expected a field name in quotes, found \(Self.describe($0))") }
                    ?? failure("the JSON text ends inside an object")
            }
            let keyOffset = index
            let key = try parseString()
            path.append(.key(key))
            let repeated: Bool
            if members.count < Self.scannedMembers {
                repeated = members.contains { $0.0 == key }
            } else {
                if seen == nil { seen = Set(members.map(\.0)) }
                repeated = seen?.insert(key).inserted == false
            }
            guard !repeated else {
                throw JSONSyntaxError(.duplicateKey, message: "the field `\(key)` appears more than once",
                                      offset: keyOffset, in: bytes, path: JSONPath.text(path))
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw current.map { failure("expected ':' after a field name, found \(Self.describe($0))") }
                    ?? failure("the JSON text ends inside an object")
            }
            index += 1
            members.append((key, try parseValue()))
            path.removeLast()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ",")?: index += 1
            case UInt8(ascii: "}")?:
                index += 1
                return .object(members)
            case let other?: throw failure("expected ',' or '}' in an object, found \(Self.describe(other))")
            case nil: throw failure("the JSON text ends inside an object")
            }
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw failure("a number needs a digit after '-'") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
            throw failure("a number may not start with 0 followed by digits", at: start)
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let digit = current, Self.isDigit(digit) else { throw failure("a number needs digits after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, Self.isDigit(digit) else { throw failure("a number needs digits in its exponent") }
            skipDigits()
        }
        // Up to 18 digits fit an Int whatever they are: read in place.
        let digitsStart = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        if isInteger, index - digitsStart <= 18 {
            var value = 0
            for offset in digitsStart..<index { value = value * 10 + Int(bytes[offset] - UInt8(ascii: "0")) }
            return .int(digitsStart == start ? value : -value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        // The grammar above is a subset of what Double parses, so this holds;
        // an exponent beyond Double's range reads as infinity, never an integer.
        return .double(Double(text) ?? .infinity)
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Objects up to this many members are checked for repeated names by a scan.
    static let scannedMembers = 16

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        var runStart = index
        let start = index
        // Whether every byte so far is ASCII, which is valid UTF-8 as it is.
        var ascii = true
        while true {
            guard let byte = current else { throw failure("the JSON text ends inside a string") }
            switch byte {
            case UInt8(ascii: "\"") where runStart == start:
                // No escape: the string is the bytes as they are, validated in
                // place (ASCII needs no validating: most strings of a request).
                index += 1
                let run = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
                if ascii { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else {
                    throw failure("a string is not valid UTF-8", at: runStart)
                }
                return text
            case UInt8(ascii: "\""):
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw failure("a string is not valid UTF-8", at: runStart)
                }
                return text
            case UInt8(ascii: "\\"):
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try parseEscape(into: &out)
                runStart = index
            case 0..<0x20:
                throw failure("a string holds a raw control character (\(Self.describe(byte))); escape it")
            default:
                if byte >= 0x80 { ascii = false }
                index += 1
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONSyntaxError) {
        let start = index
        index += 1
        guard let byte = current else { throw failure("the JSON text ends inside a string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("a \\u escape holds half of a surrogate pair without the other half", at: start)
                }
                index += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure("a \\u escape holds half of a surrogate pair without the other half", at: start)
                }
                scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw failure("a \\u escape holds half of a surrogate pair without the other half", at: start)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw failure("a \\u escape is not a character", at: start) }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw failure("unknown escape '\\\(Self.describe(byte))' in a string", at: start)
        }
    }

    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("a \\u escape needs four hexadecimal digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// A byte as a message shows it: a printable ASCII character in quotes,
    /// anything else by its hex value.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
