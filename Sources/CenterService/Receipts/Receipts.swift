import CalendarValues
import CenterDomain
import Roadmap
internal import Store

/// Receipts (領収書): one for each payment taken, numbered per fiscal year
/// without gaps inside the single writer (`ReceiptNumber`), reissued
/// (再発行) under the same number; never deleted (docs/DOMAIN.md "Receipts (領収書)").
public struct Receipts: AreaService {
    let context: ServiceContext

    /// What `issue` refuses with.
    public typealias IssueRefusal = Refusals<
        IdempotencyCode, BookingLookupCode, ReceiptCode, ManagerLookupCode, Receipt.Code, ReceiptNumber.Code
    >
    /// What `reissue` refuses with.
    public typealias ReissueRefusal = Refusals<IdempotencyCode, ReceiptCode>

    /// Issues the receipt of payment `payment` of booking `id` (the
    /// booking's latest payment without one when nil), dated today, to
    /// `payer` (宛名; the registration's name when nil). Its 但し書き names the
    /// room, the dates and the divisions (`使用料の一部として` for a part of
    /// the fee); its issuer is the designated manager in charge on the first
    /// day of use, as the schedules name it. The number is the next of
    /// today's fiscal year, taken in the same write that stores the receipt,
    /// so two receipts can never share a number or leave a gap.
    public func issue(booking id: Int64, payment: Int? = nil, payer: String? = nil, by actor: Actor,
                      idempotency: IdempotencyKey? = nil) async throws(ServiceError<IssueRefusal>) -> Recorded<IssuedReceipt> {
        try await context.run(IssueRefusal.self) {
            let center = settings.center
            let roadmap = context.roadmapState
            return try await context.recordedWrite(.receiptIssue, IssueRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                let booking = try Booking.load(db, id: id, for: actor)
                let account = try BookingAccount.load(db, booking: booking)
                let line = try Self.payment(payment, of: account)
                let today = now.japanDate
                guard let term = roadmap.schedule.manager(on: booking.firstDate) else {
                    throw Refusal(ManagerLookupCode.noManager, "No designated-manager term covers \(booking.firstDate), the first day of use.",
                                  details: ["date": booking.firstDate.description])
                }
                let facility = center.facility(booking.facility)?.nameJa ?? booking.facility.rawValue
                let divisions = center.divisions.filter { booking.divisions.contains($0.id) }.map(\.nameJa)
                let purpose = ReceiptPurpose(facility: facility, dates: booking.dates, divisions: divisions,
                                             isPartPayment: line.amount < booking.feeTotal)
                let registration = try RegistrationRecord.load(db, id: booking.registration, today: today)
                let number = try ReceiptNumber.next(after: IssuedReceipt.lastNumber(db), issuedOn: today)
                let receipt = try Receipt(number: number, issuedOn: today, payer: payer ?? registration.name, purpose: purpose,
                                          amount: line.amount, method: line.method, issuer: Self.issuerLine(term))
                try db.run("""
                    INSERT INTO receipts (fiscal_year, sequence, payment_id, booking_id, issued_on, payer, facility_ja, dates,
                        divisions_ja, part_payment, amount, method, issuer, registration_number, tax_percent, stamp_duty_exempt,
                        issued_at, issued_by)
                    SELECT ?, ?, id, booking_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM payments WHERE booking_id = ? AND number = ?
                    """, [.integer(Int64(number.fiscalYear.startYear)), .integer(Int64(number.sequence)), today.sqlValue,
                          .text(receipt.payer), .text(purpose.facility),
                          .text(purpose.dates.map(\.description).joined(separator: ",")),
                          .text(purpose.divisions.joined(separator: ",")), purpose.isPartPayment.sqlValue,
                          .integer(Int64(receipt.amount)), receipt.method.sqlValue, .text(receipt.issuer),
                          receipt.registrationNumber.map { .text($0.description) } ?? .null,
                          .integer(Int64(receipt.tax.ratePercent)), receipt.stampDutyExempt.sqlValue, now.sqlValue,
                          .text(actor.auditLabel), .integer(id), .integer(Int64(line.number))])
                let issued = try Encoded(IssuedReceipt.load(db, number: number))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "receipt.issue", entity: "receipt",
                                    entityID: number.description, after: issued)
                return issued
            }
        }
    }

    /// Reissues receipt `number` (再発行) today: the same number, issue date,
    /// payer and amount, titled `領収書（再発行）` with today as its 再発行日.
    /// The original stays valid, so no number is used twice or skipped.
    public func reissue(number: ReceiptNumber, by actor: Actor,
                        idempotency: IdempotencyKey? = nil) async throws(ServiceError<ReissueRefusal>) -> Recorded<IssuedReceipt> {
        try await context.run(ReissueRefusal.self) {
            try await context.recordedWrite(.receiptReissue, ReissueRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                _ = try IssuedReceipt.load(db, number: number)
                try db.run("""
                    INSERT INTO receipt_reissues (fiscal_year, sequence, reissued_on, reissued_by, at) VALUES (?, ?, ?, ?, ?)
                    """, [.integer(Int64(number.fiscalYear.startYear)), .integer(Int64(number.sequence)),
                          now.japanDate.sqlValue, .text(actor.auditLabel), now.sqlValue])
                let reissued = try Encoded(IssuedReceipt.load(db, number: number))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "receipt.reissue", entity: "receipt",
                                    entityID: number.description, after: reissued)
                return reissued
            }
        }
    }

    /// Receipt `number` as last issued, or `receipt_not_found`.
    public func receipt(number: ReceiptNumber) async throws(ServiceError<ReceiptCode>) -> IssuedReceipt {
        try await context.run(ReceiptCode.self) {
            try await pool.read { db in try IssuedReceipt.load(db, number: number) }
        }
    }

    /// The payment a receipt is asked for: number `requested`, or the latest
    /// without a receipt; `payment_not_found` (404), `receipt_already_issued`
    /// (409, naming the receipt: reissue it instead) or `nothing_to_receipt`
    /// (409) otherwise.
    static func payment(_ requested: Int?, of account: BookingAccount) throws -> BookingAccount.PaymentLine {
        guard let requested else {
            guard let open = account.payments.last(where: { $0.receipt == nil }) else {
                throw Refusal(ReceiptCode.nothingToReceipt, account.payments.isEmpty
                              ? "Booking \(account.booking) has no payment to give a receipt for."
                              : "Every payment of booking \(account.booking) already has its receipt; reissue one instead.",
                              details: ["booking": String(account.booking)])
            }
            return open
        }
        guard let line = account.payments.first(where: { $0.number == requested }) else {
            throw Refusal(ReceiptCode.paymentNotFound, "Booking \(account.booking) has no payment \(requested).",
                          details: ["booking": String(account.booking), "payment": String(requested)])
        }
        if let receipt = line.receipt {
            throw Refusal(ReceiptCode.receiptAlreadyIssued, "Payment \(requested) of booking \(account.booking) already has receipt \(receipt); reissue it instead.",
                          details: ["booking": String(account.booking), "payment": String(requested), "receipt": receipt])
        }
        return line
    }

    /// The issuer's line: `指定管理者 ` and the operator's Japanese name, or
    /// the term's label when the schedules do not name the operator.
    static func issuerLine(_ term: ManagerTerm) -> String {
        term.operatorJa.isEmpty ? term.label : "指定管理者 " + term.operatorJa
    }
}
