import CalendarValues
import CenterDomain
internal import Store

extension Desks {
    /// What `checkIn(pass:lobbyCode:by:)` refuses with: the code, then what `checkIn` refuses with.
    public typealias LobbyCheckInRefusal = Refusals<
        LobbyCodeCode, IdempotencyCode, DeskPassLookupCode, DeskPassStateCode, DeskPassRules.CheckInCode
    >

    /// The lobby board's check-in code of `date` (today when nil).
    public func lobbyCode(on date: LocalDate? = nil) async throws -> LobbyCode {
        LobbyCode.of(date ?? context.today, secret: try await lobbySecret())
    }

    /// The key that makes the board show the code (`/board?display=…`).
    public func boardDisplayKey() async throws -> String { LobbyCode.displayKey(secret: try await lobbySecret()) }

    /// Whether `key` is the board's display key, compared in constant time.
    public func isBoardDisplayKey(_ key: String) async throws -> Bool {
        ConstantTime.equal(Array(key.utf8), Array(try await boardDisplayKey().utf8))
    }

    /// A freelancer checks a pass in at the center with the code of the day
    /// shown on the lobby board (`LobbyCode`), then as `checkIn(pass:by:)`.
    /// A wrong code is `lobby_code_wrong`; after five of them the person
    /// waits (`lobby_code_throttled`, `retry_after` seconds) before a code
    /// is looked at again.
    public func checkIn(pass id: Int64, lobbyCode typed: String,
                        by actor: Actor) async throws(ServiceError<LobbyCheckInRefusal>) -> DeskPass {
        try await context.run(LobbyCheckInRefusal.self) {
            let now = clock.now().secondsSinceEpoch
            let key = actor.auditLabel
            let wait = context.lobbyCodeFailures.withLock { $0.wait(key, now: now) }
            if wait > 0 {
                throw Refusal(LobbyCodeCode.lobbyCodeThrottled,
                              "Too many wrong check-in codes. Please try again in \(wait) s.", details: ["retry_after": String(wait)])
            }
            guard try await lobbyCode().accepts(typed) else {
                context.lobbyCodeFailures.withLock { $0.recordFailure(key, now: now) }
                throw Refusal(LobbyCodeCode.lobbyCodeWrong, "The check-in code is not today's code on the lobby board.")
            }
            context.lobbyCodeFailures.withLock { $0.forget(key) }
            guard let pass = try await checkIn(pass: id, by: actor).value else { throw CancellationError() }
            return pass
        }
    }

    private func lobbySecret() async throws -> [UInt8] {
        try await pool.read { db in
            guard let row = try db.queryOne("SELECT value FROM center_secrets WHERE name = 'lobby_check_in'") else {
                throw StoreError(code: .typeMismatch, resultCode: 20, message: "the lobby check-in secret is missing")
            }
            return try row.get("value")
        }
    }
}
