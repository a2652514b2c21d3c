import Foundation

/// The request's cookies (RFC 6265 §5.4): `name=value` pairs of the
/// `Cookie` fields. A name given twice keeps its first value, as browsers
/// send the most specific cookie first.
struct Cookies {
    private var values: [String: String] = [:]

    init(headers: [String]) {
        for header in headers {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                if values[name] == nil { values[name] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
        }
    }

    subscript(name: String) -> String? { values[name] }
}

/// A `Set-Cookie` field (RFC 6265 §4.1): always `Path=/`, `HttpOnly` and
/// `SameSite=Lax`; `Secure` when the service is behind TLS.
struct SetCookie {
    let name: String
    let value: String
    /// Seconds until it expires; nil for a cookie that ends with the browser, 0 to delete it.
    let maxAge: Int64?
    let secure: Bool

    var field: String {
        var text = "\(name)=\(value); Path=/; HttpOnly; SameSite=Lax"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if secure { text += "; Secure" }
        return text
    }
}
