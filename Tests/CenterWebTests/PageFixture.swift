import CalendarValues
import CenterAPI
import CenterDomain
import Foundation
import HTTPServer
import TestEvents
import Testing
@testable import CenterService
@testable import CenterWeb

/// The pages and the API on one router over a fresh database and a manual
/// clock, as `serve` mounts them, asked in-process; the browser tests drive
/// the same pages over a real socket. Few PBKDF2 rounds keep the debug build
/// quick (the rounds are tested on their own).
final class PageFixture: Sendable {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let settings: CenterSettings = {
        do {
            return try SettingsLoader.load(configDirectory: repository + "/Config", schedulesDirectory: repository + "/schedules")
        } catch {
            fatalError("the repository's configuration must load: \(error)")
        }
    }()

    static let password = "kumo-no-ue-de-odoru"
    let service: CenterService
    let clock: ManualClock
    let router: Router
    let directory: String
    let staffActor = Actor(tokenID: 1, role: .staff, name: "Front desk", registrationID: nil)

    /// The repository's settings, with few PBKDF2 rounds and the TLS setting given.
    static func settings(behindTLS: Bool) -> CenterSettings {
        var settings = Self.settings
        settings.signIn = SignInSettings(behindTLS: behindTLS, anyIterations: 16)
        return settings
    }

    /// A fresh fixture. Its store is opened (the migrations run) on a thread
    /// of its own, never on one of the test pool's few threads, which the
    /// server tests running beside these need.
    static func make(behindTLS: Bool = false) async throws -> PageFixture {
        try await blocking { try PageFixture(behindTLS: behindTLS) }
    }

    private init(behindTLS: Bool) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)").path
        clock = ManualClock(now: Instant(japanDate: LocalDate(year: 2026, month: 11, day: 25)!, minuteOfDay: 600))
        service = CenterService(settings: Self.settings(behindTLS: behindTLS),
                                store: try CenterStore.open(path: directory + "/center.sqlite", synchronousFull: false),
                                clock: clock)
        var router = try CenterAPI.router(service: service)
        try CenterWeb.mount(on: &router, service: service)
        self.router = router
    }

    /// Closing waits for the store's writer: done on a thread of its own too.
    deinit {
        let service = service
        let directory = directory
        blockingInBackground {
            service.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    var signIn: SignIn { service.signIn }

    func staff(_ login: String = "desk1", role: Role = .staff) async throws {
        _ = try await signIn.createAccount(login: login, role: role, password: Self.password, by: "test")
    }

    func register(name: String = "山田商店") async throws -> Int64 {
        let input = RegistrationInput(category: .freelancer, name: name, contact: "03-0000-0000", evidence: RegistrationEvidence())
        return try #require(try await service.registrations.register(input, by: staffActor).value).id
    }

    func browser(peer: String = "203.0.113.5") -> Browser { Browser(router: router, peer: peer) }

    /// A browser signed in as a new member of staff.
    func staffBrowser() async throws -> Browser {
        try await staff()
        let signedIn = browser()
        await signedIn.signIn()
        return signedIn
    }

    /// A new registration of the general category.
    func general(name: String, contact: String = "03-0000-0000") async throws -> Int64 {
        let input = RegistrationInput(category: .general, name: name, contact: contact)
        return try #require(try await service.registrations.register(input, by: staffActor).value).id
    }
}

/// A browser's side of the conversation: it keeps cookies, sends the
/// `Origin` of the page a form is on, and remembers the last page's form token.
final class Browser {
    struct Page {
        let status: Int
        let headers: HTTPHeaders
        let text: String

        var location: String? { headers["location"] }
        var setCookies: [String] { headers.values("set-cookie") }

        /// The value of the first `form_token` field on the page.
        var formToken: String? {
            guard let range = text.range(of: #"name="form_token" value=""#) else { return nil }
            return String(text[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    let router: Router
    let peer: String
    var host = "center.example"
    var cookies: [String: String] = [:]
    var origin: String?

    init(router: Router, peer: String) {
        self.router = router
        self.peer = peer
        origin = "http://center.example"
    }

    func get(_ target: String) async -> Page { await send(.GET, target) }

    /// Posts `fields` (form-encoded) with the `Origin` this browser sends.
    func post(_ path: String, _ fields: [(String, String)], headers: [(String, String)] = []) async -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var extra = headers
        if let origin { extra.append(("origin", origin)) }
        extra.append(("content-type", "application/x-www-form-urlencoded"))
        return await send(.POST, path, body: Array(body.utf8), headers: extra)
    }

    func send(_ method: HTTPMethod, _ target: String, body: [UInt8] = [], headers extra: [(String, String)] = []) async -> Page {
        let parts = target.split(separator: "?", maxSplits: 1)
        let path = String(parts.first ?? "")
        let query: [(name: String, value: String)] = parts.count > 1
            ? parts[1].split(separator: "&").map { pair in
                let kv = pair.split(separator: "=", maxSplits: 1)
                return (String(kv[0]), kv.count > 1 ? String(kv[1]) : "")
            } : []
        var headers = HTTPHeaders([("host", host)] + extra)
        if !cookies.isEmpty { headers.add("cookie", cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")) }
        var request = HTTPRequest(method: method, target: target, pathSegments: path.split(separator: "/").map(String.init),
                                  query: query, headers: headers, body: body, requestID: "test")
        request.peerAddress = peer
        let response = await router.respond(to: request)
        for field in response.headers.values("set-cookie") {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status.code, headers: response.headers, text: String(decoding: response.body, as: UTF8.self))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Opens the sign-in page and signs in.
    @discardableResult
    func signIn(_ login: String = "desk1", _ password: String = PageFixture.password) async -> Page {
        let form = await get("/signin")
        return await post("/signin", [("form_token", form.formToken ?? ""), ("login", login), ("password", password)])
    }
}
