import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let receipt = EntityKind("receipt")
}

/// 支払台帳 and 領収書 at the counter: part payments and whole ones by every
/// method (a few above what is outstanding, or for a hold already paid or
/// lapsed), refunds paid out in one go or in parts (a few by invoice, which
/// refunds nothing), receipts issued for a payment and reissued, and the
/// day's takings (日計表) read back.
public struct MoneyOperations: OperationFamily {
    public let name = "money"

    static let staff: [String?] = [nil, "山田", "佐藤"]

    public func weight(_ view: WorldView) -> Int { view.world.count(.booking) > 0 ? 16 : 0 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        switch random.weighted([6, 3, 3, 1, 2]) ?? 0 {
        case 0: return try makePayment(&random, view)
        case 1: return try makePayout(&random, view)
        case 2:
            return try view.pick(&random, .booking, where: """
                SELECT p.booking_id FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id WHERE r.payment_id IS NULL
                """).map { booking in
                IssueReceiptOperation(booking: booking.ref, payment: random.chance(0.3) ? random.int(1...2) : nil,
                                      payer: random.chance(0.2) ? "株式会社なかの企画" : nil)
            }
        case 3:
            return random.pick(view.world.all(.receipt)).map { ReissueReceiptOperation(receipt: $0.ref) }
        default:
            return TakingsOperation(daysAgo: random.weighted([6, 2, 1, 1]) ?? 0)
        }
    }

    /// A payment of a provisional hold: a third, a half, all that is
    /// outstanding, or a random part; now and then more than is outstanding.
    private func makePayment(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        guard let booking = try view.pick(&random, .booking, where: """
            SELECT id FROM bookings WHERE state = 'provisional' AND fee_total > 0
            """) else { return nil }
        let outstanding = try view.db.int("""
            SELECT b.fee_total - (SELECT coalesce(sum(amount), 0) FROM payments WHERE booking_id = b.id)
                + (SELECT coalesce(sum(amount), 0) FROM refunds WHERE booking_id = b.id)
            FROM bookings b WHERE b.id = ?
            """, [.int(booking.id)])
        let owed = Int(max(outstanding, 1))
        let amount = switch random.weighted([3, 3, 4, 3, 1]) ?? 0 {
        case 0: max(1, owed / 3)
        case 1: max(1, owed / 2)
        case 2: owed
        case 3: random.int(1...owed)
        default: owed + random.int(1...500)
        }
        return TakePaymentOperation(booking: booking.ref, amount: amount, method: Self.method(&random),
                                    takenBy: random.pick(Self.staff) ?? nil)
    }

    /// A payout of a refund still owed: all of it, or a part; now and then
    /// by invoice, or more than it owes.
    private func makePayout(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let owed = try view.db.rows("""
            SELECT r.booking_id, r.number, r.amount - (SELECT coalesce(sum(amount), 0) FROM refund_payouts WHERE refund_id = r.id)
            FROM refunds r ORDER BY r.id
            """).filter { ($0[2].int ?? 0) > 0 }
        let bookings = Dictionary(view.world.all(.booking).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = owed.compactMap { row -> (Entity, Int, Int)? in
            guard let id = row[0].int, let booking = bookings[id], let number = row[1].int, let left = row[2].int else { return nil }
            return (booking, Int(number), Int(left))
        }
        guard let (booking, number, left) = random.pick(candidates) else { return nil }
        let amount: Int? = switch random.weighted([5, 3, 1]) ?? 0 {
        case 0: nil
        case 1: random.int(1...left)
        default: left + random.int(1...300)
        }
        let method: PaymentMethod = random.chance(0.05) ? .invoice : random.pick([.cash, .card, .bankTransfer]) ?? .cash
        return PayOutOperation(booking: booking.ref, refund: number, amount: amount, method: method,
                               paidBy: random.pick(Self.staff) ?? nil)
    }

    /// Cash most of the time, as at most counters; card, transfer, invoice.
    static func method(_ random: inout SimulationRandom) -> PaymentMethod {
        [PaymentMethod.cash, .card, .bankTransfer, .invoice][random.weighted([6, 3, 2, 1]) ?? 0]
    }
}

/// `POST /bookings/{id}/payments` by staff: `amount` yen by `method`.
struct TakePaymentOperation: SimOperation {
    let booking: Ref
    let amount: Int
    let method: PaymentMethod
    let takenBy: String?

    var description: String { "take ¥\(amount) by \(method.rawValue) for booking \(booking)\(takenBy.map { " (\($0))" } ?? "")" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking) else { return .skipped("no booking \(booking)") }
        return await Outcome.of(AnsweredValue.payment) {
            try await context.service.bookings.takePayment(booking: entity.id, amount: amount, method: method, takenBy: takenBy,
                                                           by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}

/// `POST /bookings/{id}/refunds/{number}/paid-out` by staff.
struct PayOutOperation: SimOperation {
    let booking: Ref
    let refund: Int
    let amount: Int?
    let method: PaymentMethod
    let paidBy: String?

    var description: String {
        "pay out \(amount.map { "¥\($0) of " } ?? "")refund \(refund) of booking \(booking) by \(method.rawValue)"
            + (paidBy.map { " (\($0))" } ?? "")
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking) else { return .skipped("no booking \(booking)") }
        return await Outcome.of(AnsweredValue.account) {
            try await context.service.bookings.payOutRefund(booking: entity.id, refund: refund, amount: amount, method: method,
                                                            paidBy: paidBy, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}

/// `POST /bookings/{id}/receipt` by staff: the receipt of a payment (the
/// latest without one when `payment` is nil).
struct IssueReceiptOperation: SimOperation {
    let booking: Ref
    let payment: Int?
    let payer: String?

    var description: String {
        "issue a receipt for \(payment.map { "payment \($0) of " } ?? "")booking \(booking)" + (payer.map { " to \($0)" } ?? "")
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking) else { return .skipped("no booking \(booking)") }
        return await Outcome.of(AnsweredValue.receipt) {
            try await context.service.receipts.issue(booking: entity.id, payment: payment, payer: payer, by: Actors.staff,
                                                     idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .receipt(let issued)? = outcome.answer?.value else { return }
        let number = issued.receipt.number
        world.add(Entity(kind: .receipt, ref: Ref(step: step), id: Int64(number.fiscalYear.startYear) * 1_000_000 + Int64(number.sequence),
                         detail: number.description))
    }
}

/// `POST /receipts/{number}/reissue` by staff (再発行).
struct ReissueReceiptOperation: SimOperation {
    let receipt: Ref

    var description: String { "reissue receipt \(receipt)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.receipt, receipt), let number = entity.detail.flatMap(ReceiptNumber.init) else {
            return .skipped("no receipt \(receipt)")
        }
        return await Outcome.of(AnsweredValue.receipt) {
            try await context.service.receipts.reissue(number: number, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}

/// `GET /reports/daily-takings?date=` (日計表): today's, or a day before.
struct TakingsOperation: SimOperation {
    let daysAgo: Int

    var isKeyed: Bool { false }
    var description: String { daysAgo == 0 ? "read today's takings" : "read the takings of \(daysAgo) days ago" }

    func run(_ context: StepContext) async -> Outcome {
        context.evidence.readOnly = true
        let date = context.today.adding(days: -daysAgo)
        return await Outcome.of(plain: AnsweredValue.takings) { try await context.service.reports.dailyTakings(on: date) }
    }
}
