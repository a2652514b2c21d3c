import CalendarValues
import CenterDomain
import CenterService
import HTTPServer

/// Reading the filters and paging of a list (docs/API.md "Lists and paging").
extension HTTPRequest {
    /// A comma-separated list of `values` (`state=provisional,paid`), each
    /// one of them; empty when absent; `invalid_parameter` listing the valid
    /// values for any other.
    public func choiceListQuery(_ name: String, _ values: [String]) throws(RequestError) -> [String] {
        guard let text = queryValue(name) else { return [] }
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for item in items where !values.contains(item) {
            throw RequestError.invalidParameter(
                name, "`\(name)` takes one or more of \(values.joined(separator: ", ")) (comma-separated), got \(TextRule.echo(item))",
                japanese: "\(name) には次のうち1つ以上をカンマ区切りで指定してください: \(values.joined(separator: ", "))（指定: \(TextRule.echo(item))）。")
        }
        return items
    }

    /// `date`, or `from`/`to`: one day, or a range with either end open;
    /// `date` with either of the others is refused, as it would say two things.
    public func dayOrRange() throws(RequestError) -> (from: LocalDate?, to: LocalDate?) {
        let date = try dateQuery("date")
        let range = try dateRange()
        if let date {
            guard range.from == nil, range.to == nil else {
                throw RequestError.invalidParameter("date", "`date` names one day; give it or `from`/`to`, not both",
                                                    japanese: "date（1日）か from/to（期間）のどちらか一方を指定してください。")
            }
            return (date, date)
        }
        return range
    }

    /// `limit` (1 … `maximum`, default `maximum`) and the `cursor` a
    /// previous page's `Next-Cursor` gave, read by `parse`.
    public func paging(maximum: Int, cursor parse: (String) -> PageCursor?) throws(RequestError) -> (limit: Int, after: PageCursor?) {
        let limit = try integerQuery("limit", in: 1...maximum) ?? maximum
        guard let text = queryValue("cursor") else { return (limit, nil) }
        guard let cursor = parse(text) else {
            throw RequestError.invalidParameter("cursor", "`cursor` is not one this list gave (send back its `Next-Cursor` as it was)",
                                                japanese: "cursor には前のページの Next-Cursor をそのまま指定してください。")
        }
        return (limit, cursor)
    }
}

extension ListPage where Item: Encodable {
    /// The page as a JSON array, with `Next-Cursor` when more follow.
    func response() -> HTTPResponse {
        var response = APIResponse.json(items)
        if let next { response.headers.set("next-cursor", next.description) }
        return response
    }
}

/// The paging parameters every paged list takes.
enum Paging {
    static func parameters(maximum: Int) -> [QueryParameter] {
        [QueryParameter("limit", schema: Schemas.integerParameter(1...maximum), "At most this many (default \(maximum))"),
         QueryParameter("cursor", "Where the page starts: the `Next-Cursor` header of the page before")]
    }
}
