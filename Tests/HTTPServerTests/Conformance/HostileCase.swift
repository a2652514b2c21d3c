import Glibc

/// One raw-socket case of the hostile HTTP conformance suite: the exact bytes
/// a client sends, where the case comes from, the statuses the server must
/// answer in order, and whether it must close the connection afterwards.
///
/// Sources are named so a reader can look the vector up:
/// - `h1spec`: the uNetworking/h1spec conformance table;
/// - `garden <Server> <n>`: trophy n of that server in the HTTP Garden README
///   (narfindustries/http-garden), i.e. a smuggling payload that once worked;
/// - `notes §1.<n>`: item n of the hardening checklist in docs/SERVER.md.
/// The payloads are adapted to our test router (`/health`, `/echo`).
struct HostileCase: Sendable, CustomStringConvertible {
    let name: String
    let source: String
    let bytes: [UInt8]
    /// Final statuses expected in order (interim 1xx responses are skipped).
    let statuses: [Int]
    /// True when the last response must carry `Connection: close` and the
    /// server must then close (EOF), answering nothing else that was sent.
    let closes: Bool
    /// The body of the last response, when it matters (the echo of a body
    /// shows how the server framed it).
    let body: String?

    var description: String { "\(name) [\(source)]" }

    /// A request the server must refuse with `status` and then close.
    static func refused(_ name: String, _ source: String, _ status: Int, _ text: String) -> HostileCase {
        HostileCase(name: name, source: source, bytes: rawBytes(text), statuses: [status], closes: true, body: nil)
    }

    /// A request the server must serve, keeping the connection open.
    static func served(_ name: String, _ source: String, _ text: String, status: Int = 200,
                       body: String? = nil) -> HostileCase {
        HostileCase(name: name, source: source, bytes: rawBytes(text), statuses: [status], closes: false, body: body)
    }

    /// Several requests in one write: statuses in order, then a close when the
    /// last one is an error.
    static func sequence(_ name: String, _ source: String, _ statuses: [Int], closes: Bool,
                         _ text: String) -> HostileCase {
        HostileCase(name: name, source: source, bytes: rawBytes(text), statuses: statuses, closes: closes, body: nil)
    }
}

/// The UTF-8 of `text`, except that a literal `\xHH` (backslash, x, two hex
/// digits) becomes the single byte 0xHH, so cases can hold bytes that are not
/// UTF-8 (`"\\xff"` in Swift source).
func rawBytes(_ text: String) -> [UInt8] {
    let utf8 = Array(text.utf8)
    // Most cases, the megabyte bodies among them, have no escape: memchr
    // finds that at once, where the loop below costs a debug build a tenth
    // of a second per megabyte when the arguments are made.
    let hasEscape = utf8.withUnsafeBytes { raw in
        raw.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\\")), raw.count) != nil } ?? false
    }
    guard hasEscape else { return utf8 }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    var i = 0
    while i < utf8.count {
        if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
           let high = hexDigit(utf8[i + 2]), let low = hexDigit(utf8[i + 3]) {
            out.append(high << 4 | low)
            i += 4
        } else {
            out.append(utf8[i])
            i += 1
        }
    }
    return out
}

private func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
