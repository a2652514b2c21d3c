import Foundation
/// Writes CSV (RFC 4180) for spreadsheets: fields quoted when they hold a
/// comma, quote, CR or LF (quotes doubled), CRLF line ends, and a UTF-8 byte
/// order mark first so that Excel reads Japanese headers correctly.
public struct CSVWriter {
    private var out: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(header: [String]) { row(header) }

    public mutating func row(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                out.append(UInt8(ascii: "\""))
                out += Array(field.replacingOccurrences(of: "\"", with: "\"\"").utf8)
                out.append(UInt8(ascii: "\""))
            } else {
                out += Array(field.utf8)
            }
        }
        out += [13, 10]
    }

    public var bytes: [UInt8] { out }
}
