import Foundation
import HTTPServer

/// CSV for the reports (API.md "Reports": `Accept: text/csv`): RFC 4180
/// fields (quoted when they hold a comma, quote or line break, quotes
/// doubled), CRLF line ends, UTF-8 with a byte-order mark so Excel opens
/// Japanese text correctly.
public enum CSVResponse {
    /// Whether the request asks for CSV.
    public static func isWanted(by request: HTTPRequest) -> Bool {
        request.headers["accept"]?.lowercased().contains("text/csv") ?? false
    }

    /// A `text/csv` response of `header` and `rows`.
    public static func make(header: [String], rows: [[String]]) -> HTTPResponse {
        var text = ""
        for line in [header] + rows {
            text += line.map(field).joined(separator: ",") + "\r\n"
        }
        return HTTPResponse(status: .ok, headers: ["content-type": "text/csv; charset=utf-8"],
                            body: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
