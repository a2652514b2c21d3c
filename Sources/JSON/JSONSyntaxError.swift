/// Why a text is not one JSON document: where (byte offset, line and column,
/// and the JSON path of the value being read) and what was wrong.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not JSON at all: a syntax error, bad UTF-8, too deep, trailing text.
        case malformed
        /// Valid syntax, but one object names the same field twice.
        case duplicateKey
    }

    public let kind: Kind
    public let message: String
    /// Byte offset from the start of the text.
    public let offset: Int
    /// 1-based line and column (in bytes) of `offset`.
    public let line: Int
    public let column: Int
    /// The JSON path (`$.a[2].b`) of the value being read.
    public let path: String

    init(_ kind: Kind, message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.path = path
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
    }

    public var description: String { "\(message) (line \(line), column \(column))" }
}
