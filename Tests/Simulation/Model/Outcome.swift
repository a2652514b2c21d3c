import CenterDomain
import CenterService
import JSON

/// What a step's client got: an answer with a value, a refusal with its code,
/// a failure (no answer: the database failed beneath the service), nothing
/// sent (a reference to a dropped step), or, for a step that is no request
/// (the clock, the timers, a death), what was done.
public enum Outcome: Sendable, CustomStringConvertible {
    case answered(Answer)
    case refused(Refused)
    case failed(String)
    case skipped(String)
    case done(String)

    /// The outcome of a use case that threw `error`.
    public init(_ error: any Error) {
        if let service = error as? any ServiceErrorProtocol {
            if let refusal = service.refusal {
                self = .refused(Refused(code: refusal.codeName, message: refusal.message, details: refusal.details))
                return
            }
            if let failure = service.failure {
                self = .failed(failure.isDatabaseFailure ? "database: \(failure)" : "\(failure)")
                return
            }
        }
        if let refusal = error as? any AnyRefusal {
            self = .refused(Refused(code: refusal.codeName, message: refusal.message, details: refusal.details))
            return
        }
        self = .failed("\(error)")
    }

    /// Whether the client got an answer (a value or a refusal): what an
    /// Idempotency-Key must give again.
    public var isAnswer: Bool {
        switch self {
        case .answered, .refused: true
        case .failed, .skipped, .done: false
        }
    }

    public var answer: Answer? { if case .answered(let a) = self { return a }; return nil }
    public var refusal: Refused? { if case .refused(let r) = self { return r }; return nil }
    public var isFailure: Bool { if case .failed = self { return true }; return false }

    /// The answer as its client compares it on a retry: the JSON of a value,
    /// or the code, message and details of a refusal.
    public var comparable: String? {
        switch self {
        case .answered(let answer): String(decoding: answer.json, as: UTF8.self)
        case .refused(let refused): refused.description
        case .failed, .skipped, .done: nil
        }
    }

    public var description: String {
        switch self {
        case .answered(let answer): "answered \(answer.summary)"
        case .refused(let refused): "refused \(refused.code)"
        case .failed(let why): "failed (\(why))"
        case .skipped(let why): "skipped (\(why))"
        case .done(let what): what
        }
    }
}

/// A use case's refusal as the client reads it.
public struct Refused: Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String
    public let details: [String: String]

    public var description: String {
        "\(code): \(message) " + details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

/// An answer with a value: its JSON as the service encoded it, whether it
/// was the replay of a first answer, and the typed value the first time.
public struct Answer: Sendable {
    public let json: [UInt8]
    public let replayed: Bool
    public let value: AnsweredValue?

    public var summary: String {
        if replayed { return "(replayed)" }
        return value?.summary ?? ""
    }
}

/// The typed value of an answer, as the invariants read it.
public enum AnsweredValue: Sendable {
    case registration(RegistrationRecord)
    case booking(Booking)
    case deskPass(DeskPass)
    case lease(LockerLease)
    case waitlistEntry(LockerWaitlistEntry)
    case offer(LockerOffer)
    case storageApplication(StorageApplication)
    case allocationRun(StorageAllocationRun)
    case storageItem(StorageItem)
    case closure(ClosureRecord)
    case roadmapChange(RoadmapChange)
    case payment(PaymentTaken)
    case account(BookingAccount)
    case receipt(IssuedReceipt)
    case daySheet(DaySheet)
    case takings(DailyTakingsReport)
    case registrations([RegistrationRecord])
    case lotteryEntry(LotteryEntryRecord)
    case waitingEntry(WaitingEntryRecord)
    case series(SeriesBookingOutcome)
    case seriesRecord(BookingSeries)

    var summary: String {
        switch self {
        case .registration(let r): "registration \(r.id)"
        case .booking(let b): "booking \(b.id) \(b.state.rawValue)"
        case .deskPass(let p): "desk pass \(p.id) \(p.state.rawValue)"
        case .lease(let l): "lease \(l.id) \(l.locker) \(l.state)"
        case .waitlistEntry(let e): "waitlist entry \(e.id)"
        case .offer(let o): "offer \(o.id) \(o.state)"
        case .storageApplication(let a): "storage application \(a.id)"
        case .allocationRun(let run): "allocated \(run.allocated.count), unallocated \(run.unallocated.count)"
        case .storageItem(let item): "item \(item.id) \(item.state)"
        case .closure(let c): "closure \(c.id) cancelling \(c.cancelled.count) bookings, \(c.cancelledDeskPasses.count) passes"
        case .roadmapChange(let change): "\(change.dryRun ? "dry run" : "applied"), displacing \(change.displacedCount)"
        case .payment(let taken): "payment \(taken.payment.number) ¥\(taken.payment.amount), booking \(taken.account.booking) \(taken.account.state.rawValue)"
        case .account(let account): "booking \(account.booking) refunds owed ¥\(account.ledger.refundOwed)"
        case .receipt(let issued): "receipt \(issued.receipt.number) ¥\(issued.receipt.amount)\(issued.reissues.isEmpty ? "" : " reissued \(issued.reissues.count)")"
        case .daySheet(let sheet): "day sheet \(sheet.date): \(sheet.rooms.flatMap(\.bookings).count) bookings, ¥\(sheet.amountDue) due"
        case .takings(let report): "takings \(report.takings.date): net ¥\(report.takings.total.net) in \(report.lines.count) lines"
        case .registrations(let found): "found \(found.count) registrations"
        case .lotteryEntry(let entry): "lottery entry \(entry.id) \(entry.state)"
        case .waitingEntry(let entry): "waiting entry \(entry.id) \(entry.state)"
        case .series(let outcome):
            "series \(outcome.series.id): \(outcome.dates.filter { $0.booking != nil }.count) of \(outcome.dates.count) dates booked"
                + (outcome.afterWindow.isEmpty ? "" : ", \(outcome.afterWindow.count) later")
        case .seriesRecord(let series): "series \(series.id)\(series.cancelledAt == nil ? "" : " cancelled")"
        }
    }
}

extension Outcome {
    /// Runs an idempotent use case and reads its `Recorded` answer.
    static func of<T: Sendable>(_ typed: (T) -> AnsweredValue,
                                _ work: () async throws -> Recorded<T>) async -> Outcome {
        do {
            let recorded = try await work()
            return .answered(Answer(json: recorded.json, replayed: recorded.replayed, value: recorded.value.map(typed)))
        } catch {
            return Outcome(error)
        }
    }

    /// Runs a use case that answers a plain value (no Idempotency-Key).
    static func of<T: Sendable & Encodable>(plain typed: (T) -> AnsweredValue,
                                            _ work: () async throws -> T) async -> Outcome {
        do {
            let value = try await work()
            return .answered(Answer(json: (try? JSONCodec.encode(value)) ?? [], replayed: false, value: typed(value)))
        } catch {
            return Outcome(error)
        }
    }
}
