import HTTPServer

/// Which representation of a report the client asked for: JSON by default,
/// CSV for spreadsheets when `?format=csv` is given or the `Accept` header
/// names `text/csv` (the query parameter wins, as browsers cannot set headers
/// on a plain link).
enum ReportFormat {
    case json, csv

    /// The `format` query parameter of every report.
    static let parameter = QueryParameter("format", schema: ["type": "string", "enum": ["json", "csv"]],
                                          "`csv` for CSV (UTF-8 with BOM, Japanese headers); the same as `Accept: text/csv`")

    /// The format asked for by `request`; `invalid_parameter` (422) for an unknown `format`.
    init(_ request: HTTPRequest) throws(RequestError) {
        switch request.queryValue("format")?.lowercased() {
        case "csv"?: self = .csv
        case "json"?: self = .json
        case let other?:
            throw RequestError.invalidParameter("format", "`format` is json or csv, got \"\(other)\"")
        case nil:
            let accept = request.headers["accept"]?.lowercased() ?? ""
            self = accept.contains("text/csv") ? .csv : .json
        }
    }

    /// A CSV download: `text/csv` in UTF-8 with a BOM, saved as `filename`.
    static func csvResponse(_ writer: CSVWriter, filename: String) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["content-type": "text/csv; charset=utf-8",
                                            "content-disposition": "attachment; filename=\"\(filename)\""],
                     body: writer.bytes)
    }
}
