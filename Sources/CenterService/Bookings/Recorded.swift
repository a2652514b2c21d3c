import CalendarValues
import CenterDomain
import JSON
internal import Store

/// An `Idempotency-Key` (冪等キー) sent with a POST, with the hash of the
/// request it came with (docs/API.md "Conventions": a retry with the same key
/// returns the first response and creates nothing new).
///
/// The hash may be left to be made when first needed (`init(key:signing:)`):
/// a booking refused on its arrival snapshot is not recorded under its key,
/// and a key is looked up on arrival by actor and key alone, so such a
/// refusal never hashes its request unless the key was used before; the
/// booking's own step hashes an accepted request before the writer
/// (`hashed()`), so the writer never does.
public struct IdempotencyKey: Sendable, Hashable {
    public let key: String
    private let request: Request

    /// The request's SHA-256, or the bytes it is made from.
    private enum Request: Sendable {
        case hash([UInt8])
        case signed([UInt8])
    }

    /// Refuses a key outside 1…200 visible ASCII characters (`idempotency_key_invalid`).
    public init(key: String, requestHash: [UInt8]) throws(Refusal<IdempotencyCode>) {
        try self.init(key: key, request: .hash(requestHash))
    }

    /// A key whose request hash is the SHA-256 of `signed`, made when first
    /// asked for; refuses a key as `init(key:requestHash:)` does.
    public init(key: String, signing signed: [UInt8]) throws(Refusal<IdempotencyCode>) {
        try self.init(key: key, request: .signed(signed))
    }

    private init(key: String, request: Request) throws(Refusal<IdempotencyCode>) {
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw Refusal(IdempotencyCode.idempotencyKeyInvalid, "An Idempotency-Key is 1 to 200 visible ASCII characters.")
        }
        self.key = key
        self.request = request
    }

    /// The SHA-256 of the request the key came with.
    public var requestHash: [UInt8] {
        switch request {
        case .hash(let hash): hash
        case .signed(let bytes): SHA256.hash(bytes)
        }
    }

    /// The same key with its hash made now, so whoever reads it next does
    /// not hash (the single writer, which records it).
    public func hashed() -> IdempotencyKey {
        guard case .signed = request else { return self }
        return IdempotencyKey(key: key, hash: requestHash)
    }

    private init(key: String, hash: [UInt8]) {
        self.key = key
        request = .hash(hash)
    }

    public static func == (a: IdempotencyKey, b: IdempotencyKey) -> Bool {
        a.key == b.key && a.requestHash == b.requestHash
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// The outcome of an idempotent write: the value, and its JSON as the first
/// attempt encoded it with the service's codec. `value` is nil when the first
/// attempt's outcome was replayed; a refusal is thrown again, the same one.
/// How the outcome is answered (its status, its headers) is the caller's.
///
/// The value may be made only when asked for (`map`): the API answers with
/// `json` alone, so a cancelled booking's fee, say, is never decoded for it.
public struct Recorded<Value: Sendable>: Sendable {
    private let made: (@Sendable () -> Value?)?
    /// The value's JSON; a replay has this alone.
    public let json: [UInt8]

    init(value: Value, json: [UInt8]) {
        made = { value }
        self.json = json
    }

    /// The first outcome of a key, replayed: its JSON alone.
    init(replayOf json: [UInt8]) {
        made = nil
        self.json = json
    }

    private init(made: (@Sendable () -> Value?)?, json: [UInt8]) {
        self.made = made
        self.json = json
    }

    /// The value; nil when the outcome was replayed.
    public var value: Value? { made?() }

    public var replayed: Bool { made == nil }

    /// The same outcome with its value made by `transform` when it is asked for.
    func map<Other: Sendable>(_ transform: @escaping @Sendable (Value) -> Other?) -> Recorded<Other> {
        guard let made else { return Recorded<Other>(replayOf: json) }
        return Recorded<Other>(made: { made().flatMap(transform) }, json: json)
    }
}

/// The use cases whose outcomes are recorded under an `Idempotency-Key`,
/// by the name the record carries, so a record is only ever read back as
/// the outcome of the use case that wrote it.
enum RecordedUseCase: String, Sendable {
    case registrationCreate = "registration.create", registrationRenew = "registration.renew"
    case registrationErase = "registration.erase"
    case bookingCreate = "booking.create", bookingPay = "booking.pay", bookingCheckIn = "booking.check_in"
    case bookingPayment = "booking.payment", refundPayout = "booking.refund_payout"
    case receiptIssue = "receipt.issue", receiptReissue = "receipt.reissue"
    case bookingCancel = "booking.cancel"
    case closureCreate = "closure.create"
    case deskPassCreate = "desk_pass.create", deskPassCheckIn = "desk_pass.check_in", deskPassCancel = "desk_pass.cancel"
    case lockerLeaseCreate = "locker_lease.create", lockerLeaseRenew = "locker_lease.renew"
    case lockerLeaseTerminate = "locker_lease.terminate", lockerLeaseAddressMoved = "locker_lease.address_moved"
    case lockerLeaseCorporateNumber = "locker_lease.corporate_number"
    case lockerWaitlistJoin = "locker_waitlist.join", lockerOfferAccept = "locker_offer.accept"
    case lockerOfferDecline = "locker_offer.decline"
    case lotteryEnter = "lottery_entry.create", lotteryWithdraw = "lottery_entry.withdraw"
    case waitingListJoin = "waiting_list.join", waitingListWithdraw = "waiting_list.withdraw"
    case waitingListDecline = "waiting_list.decline", waitingListAccept = "waiting_list.accept"
    case seriesCreate = "booking_series.create", seriesContinue = "booking_series.continue"
    case seriesCancel = "booking_series.cancel"
    case storageApply = "storage_application.create", storageAllocate = "storage_allocation.run"
    case storageItemCreate = "storage_item.create", storageItemCheckOut = "storage_item.checkout"
    case storageItemReturn = "storage_item.return"
    case bookingNoShow = "booking.no_show", closureLift = "closure.lift"
}

/// The `idempotency_keys` table, used inside the write transaction of the
/// change it guards, so an outcome is recorded exactly when its change
/// commits. A rule's refusal in that transaction is an outcome too: it is
/// recorded, and a retry gets the same refusal. A refusal decided before the
/// write (the booking's arrival snapshot) is not: nothing was written to
/// record it with, and a retry is decided afresh (docs/API.md "Idempotency").
/// `replay` also runs on a read snapshot: a committed record is seen there.
///
/// A record holds a typed outcome, never an HTTP answer: `status` says which
/// kind (`Outcome.Kind`), and `body` is the use case's name, a newline, and
/// either the value's JSON or the refusal (`Refusal`: code, message,
/// details). Records written before outcomes were typed hold the HTTP status
/// they answered (0 for a refusal) and the response body; they are still
/// read, until the retention job deletes them.
enum IdempotencyStore {
    /// The statements of the table, declared once.
    enum Statements {
        static let replay = SQL("SELECT request_hash, status, body FROM idempotency_keys WHERE actor = ? AND key = ?")
        static let record = SQL("""
            INSERT INTO idempotency_keys (actor, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// A recorded refusal as stored after the use case's name.
    struct StoredRefusal: Codable {
        let code: String
        let message: String
        let details: [String: String]
    }

    /// What the `status` column holds.
    enum Kind: Int64 {
        /// Rows written before outcomes were typed: a refusal.
        case legacyRefusal = 0
        /// The value's JSON follows the use case's name.
        case value = 1
        /// A `StoredRefusal` follows the use case's name.
        case refusal = 2
    }

    /// The first outcome of `key` by `actor` for `useCase`: its value's JSON,
    /// nil when the key is new; the first refusal thrown again, with its code
    /// of `codes`; and `idempotency_key_reused` when the key came with
    /// another request.
    static func replay<Code: ErrorCode>(_ db: Database, actor: String, key: IdempotencyKey, useCase: RecordedUseCase,
                                        codes: Code.Type) throws -> [UInt8]? {
        guard let row = try db.queryOne(Statements.replay, [.text(actor), .text(key.key)]) else { return nil }
        let hash: [UInt8] = try row.get("request_hash")
        let reused = Refusal(IdempotencyCode.idempotencyKeyReused, "This Idempotency-Key was first used with another request.",
                             details: ["key": key.key])
        guard hash == key.requestHash else { throw reused }
        let status: Int64 = try row.get("status")
        let body: [UInt8] = try row.get("body")
        guard let kind = Kind(rawValue: status) else { return body }
        if kind == .legacyRefusal { throw try refusal(from: body[...], codes: codes) }
        guard let newline = body.firstIndex(of: 0x0A), body[..<newline].elementsEqual(useCase.rawValue.utf8) else {
            throw reused
        }
        let payload = body[(newline + 1)...]
        if kind == .refusal { throw try refusal(from: payload, codes: codes) }
        return Array(payload)
    }

    /// A stored refusal as `codes` has it; one whose code the use case no
    /// longer has (the rules changed since) is a failure, not a guess.
    private static func refusal<Code: ErrorCode>(from payload: ArraySlice<UInt8>, codes: Code.Type) throws -> any Error {
        let stored = try JSONCodec.decodeStored(StoredRefusal.self, from: String(decoding: payload, as: UTF8.self))
        guard let code = Code(code: stored.code) else {
            return StoreError(code: .typeMismatch, resultCode: 20,
                              message: "a recorded refusal's code \(stored.code) is not one of \(Code.self)")
        }
        return Refusal(code, stored.message, details: stored.details)
    }

    static func record(_ db: Database, actor: String, key: IdempotencyKey, useCase: RecordedUseCase, kind: Kind,
                       payload: [UInt8], at: Instant) throws {
        try db.run(Statements.record, [.text(actor), .text(key.key), .blob(key.requestHash), .integer(kind.rawValue),
                  .blob(Array(useCase.rawValue.utf8) + [0x0A] + payload), at.sqlValue])
    }

    /// Runs `work` as the whole of the running write; a refusal undoes its
    /// changes (`Database.undoWrite`, which has nothing to do when the
    /// refusal came before any) and is recorded under `key`, and comes back
    /// as the failure (the write itself must not throw, or the record would
    /// be rolled back too). No savepoint of its own: a second one would
    /// cost the statements that set and release it on every write.
    static func recordingRefusal<T>(_ db: Database, actor: String, key: IdempotencyKey, useCase: RecordedUseCase,
                                    at: Instant, _ work: () throws -> T) throws -> Result<T, any Error> {
        do {
            return .success(try work())
        } catch let refusal as any AnyRefusal {
            try db.undoWrite()
            let stored = StoredRefusal(code: refusal.codeName, message: refusal.message, details: refusal.details)
            try record(db, actor: actor, key: key, useCase: useCase, kind: .refusal, payload: try JSONCodec.encode(stored),
                       at: at)
            return .failure(refusal)
        }
    }
}

extension ServiceContext {
    /// Runs `work` as `useCase` in one write transaction with the
    /// idempotency check and record around it: a known key replays its first
    /// outcome (or refusal, with its code of `codes`) and runs nothing. The
    /// work's value comes encoded (`Encoded`, the bytes its audit line
    /// took), and the record and the answer keep those bytes. `arrival` is
    /// the instant the work judges by, when the caller already judged the
    /// request by it (the booking's arrival snapshot); by default, now.
    func recordedWrite<Code: ErrorCode, T: Encodable & Sendable>(
        _ useCase: RecordedUseCase, _ codes: Code.Type, actor: Actor, idempotency: IdempotencyKey?, at arrival: Instant? = nil,
        _ work: @escaping @Sendable (Database, Instant) throws -> Encoded<T>
    ) async throws -> Recorded<T> {
        let now = arrival ?? clock.now()
        let label = actor.auditLabel
        let outcome: Result<Recorded<T>, any Error> = try await pool.write { db in
            guard let idempotency else {
                let encoded = try work(db, now)
                return .success(Recorded(value: encoded.value, json: encoded.json))
            }
            if let first = try IdempotencyStore.replay(db, actor: label, key: idempotency, useCase: useCase, codes: codes) {
                return .success(Recorded(replayOf: first))
            }
            switch try IdempotencyStore.recordingRefusal(db, actor: label, key: idempotency, useCase: useCase, at: now,
                                                         { try work(db, now) }) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let encoded):
                try IdempotencyStore.record(db, actor: label, key: idempotency, useCase: useCase, kind: .value,
                                            payload: encoded.json, at: now)
                return .success(Recorded(value: encoded.value, json: encoded.json))
            }
        }
        return try outcome.get()
    }
}
