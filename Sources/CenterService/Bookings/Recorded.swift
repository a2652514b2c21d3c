import CalendarValues
import CenterDomain
import Foundation
internal import Store

/// An `Idempotency-Key` (冪等キー) sent with a POST, with the hash of the
/// request it came with (docs/API.md "Conventions": a retry with the same key
/// returns the first response and creates nothing new).
public struct IdempotencyKey: Sendable, Hashable {
    public let key: String
    public let requestHash: [UInt8]

    /// Refuses a key outside 1…200 visible ASCII characters (`.invalid` `idempotency_key_invalid`).
    public init(key: String, requestHash: [UInt8]) throws(DomainError) {
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw DomainError(.invalid, "idempotency_key_invalid", "An Idempotency-Key is 1 to 200 visible ASCII characters.")
        }
        self.key = key
        self.requestHash = requestHash
    }
}

/// The answer of a recorded POST: its status and JSON body, and the value
/// when the work ran now (nil when the first response was replayed).
public struct Recorded<Value: Sendable>: Sendable {
    public let status: Int
    public let body: [UInt8]
    public let value: Value?

    public var replayed: Bool { value == nil }
}

/// The `idempotency_keys` table, used inside the write transaction of the
/// change it guards, so a response is recorded exactly when its change commits.
/// A rule's refusal is the first response too: it is recorded with status 0
/// and the refusal as the body, and a retry gets the same refusal.
enum IdempotencyStore {
    /// A recorded refusal (`DomainError`) as stored in `body`.
    struct Refusal: Codable {
        let kind: String
        let code: String
        let message: String
        let details: [String: String]
    }

    /// Status recorded for a refusal, whose body is a `Refusal`.
    static let refusalStatus = 0

    /// The first response to `key` by `actor`, nil when the key is new;
    /// `idempotency_key_reused` (422) when it came with another request, and
    /// the first refusal again when the first attempt was refused.
    static func replay(_ db: Database, actor: String, key: IdempotencyKey) throws -> (status: Int, body: [UInt8])? {
        guard let row = try db.queryOne("""
            SELECT request_hash, status, body FROM idempotency_keys WHERE actor = ? AND key = ?
            """, [.text(actor), .text(key.key)]) else { return nil }
        let hash: [UInt8] = try row.get("request_hash")
        guard hash == key.requestHash else {
            throw DomainError(.invalid, "idempotency_key_reused",
                              "This Idempotency-Key was first used with another request.", details: ["key": key.key])
        }
        let status: Int = try row.get("status")
        let body: [UInt8] = try row.get("body")
        if status == refusalStatus {
            let refusal = try JSONDecoder().decode(Refusal.self, from: Data(body))
            throw DomainError(DomainError.Kind(rawValue: refusal.kind) ?? .conflict, refusal.code, refusal.message,
                              details: refusal.details)
        }
        return (status, body)
    }

    static func record(_ db: Database, actor: String, key: IdempotencyKey, status: Int, body: [UInt8], at: Instant) throws {
        try db.run("""
            INSERT INTO idempotency_keys (actor, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(actor), .text(key.key), .blob(key.requestHash), .integer(Int64(status)), .blob(body),
                  .integer(at.secondsSinceEpoch)])
    }

    /// Runs `work` in a savepoint of its own; a refusal rolls its changes
    /// back and is recorded under `key`, and comes back as the failure (the
    /// write itself must not throw, or the record would be rolled back too).
    static func recordingRefusal<T>(_ db: Database, actor: String, key: IdempotencyKey, at: Instant,
                                    _ work: () throws -> T) throws -> Result<T, DomainError> {
        try db.execute("SAVEPOINT idempotent_work")
        do {
            let value = try work()
            try db.execute("RELEASE idempotent_work")
            return .success(value)
        } catch let refusal as DomainError {
            try db.execute("ROLLBACK TO idempotent_work; RELEASE idempotent_work")
            let body = try ServiceJSON.encode(Refusal(kind: refusal.kind.rawValue, code: refusal.code, message: refusal.message,
                                                      details: refusal.details))
            try record(db, actor: actor, key: key, status: refusalStatus, body: body, at: at)
            return .failure(refusal)
        }
    }
}

extension ServiceContext {
    /// Runs `work` in one write transaction with the idempotency check and
    /// record around it: a known key replays its first response (or refusal)
    /// and runs nothing.
    func recordedWrite<T: Encodable & Sendable>(actor: Actor, idempotency: IdempotencyKey?, status: Int,
                                                _ work: @escaping @Sendable (Database, Instant) throws -> T) async throws -> Recorded<T> {
        let now = clock.now()
        let label = actor.auditLabel
        let outcome: Result<Recorded<T>, DomainError> = try await pool.write { db in
            guard let idempotency else {
                let value = try work(db, now)
                return .success(Recorded(status: status, body: try ServiceJSON.encode(value), value: value))
            }
            if let first = try IdempotencyStore.replay(db, actor: label, key: idempotency) {
                return .success(Recorded(status: first.status, body: first.body, value: nil))
            }
            switch try IdempotencyStore.recordingRefusal(db, actor: label, key: idempotency, at: now, { try work(db, now) }) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let value):
                let body = try ServiceJSON.encode(value)
                try IdempotencyStore.record(db, actor: label, key: idempotency, status: status, body: body, at: now)
                return .success(Recorded(status: status, body: body, value: value))
            }
        }
        return try outcome.get()
    }
}
