import CalendarValues
import Testing
@testable import CenterDomain

/// Every refusal of the front-desk rules has Japanese text, filled from its
/// details; the English is the error's own message.
@Suite struct MessageCatalogueTests {
    typealias F = RulesFixtures
    static let at = Instant(japanDate: RulesFixtures.day("2026-07-01"), minuteOfDay: 600)

    /// One refusal of every code the front-desk rules raise.
    static func refusals() -> [any AnyRefusal] {
        var paid = PaymentLedger(fee: 2000)
        let registration = Registration(id: "r", category: .general, name: "n", validFrom: F.day("2026-04-01"), validUntil: F.day("2028-03-31"))
        let bodies: [() throws -> Void] = [
            { _ = try NameQuery(" ") },
            { _ = try NameKana("山田") },
            { _ = try NameKana("") },
            { _ = try PostalAddress(postalCode: "1", address: "東京都") },
            { _ = try PostalAddress(postalCode: "164-0001", address: "") },
            { try DuplicateRegistration.check([DuplicateMatch(registration: "1", reasons: [.nameAndPhone])], confirmNew: false) },
            { try paid.record(Payment(amount: 0, method: .cash, takenBy: "s", at: at)) },
            { try paid.record(Payment(amount: 3000, method: .cash, takenBy: "s", at: at)) },
            { try paid.decide(RefundDue(amount: 0, percent: 100, decidedAt: at)) },
            { try paid.decide(RefundDue(amount: 10, percent: 100, decidedAt: at)) },
            { try paid.payOut(RefundPayout(amount: 10, method: .invoice, paidBy: "s", at: at)) },
            { try paid.payOut(RefundPayout(amount: 10, method: .cash, paidBy: "s", at: at)) },
            { _ = try ReceiptNumber.next(after: ReceiptNumber(fiscalYear: FiscalYear(2027), sequence: 1), issuedOn: F.day("2026-07-01")) },
            { _ = try ReceiptTests.receipt(amount: 0) },
            { _ = try ReceiptTests.receipt(payer: "") },
            { _ = try Receipt(number: ReceiptTests.number, issuedOn: F.day("2026-07-01"), payer: "a", purpose: ReceiptTests.purpose,
                              amount: 1, method: .cash, issuer: "") },
            { _ = try InvoiceRegistrationNumber("X") },
            { _ = try RoomNoShow.mark(state: .paid, dates: [], divisions: Division.standard, on: F.day("2026-07-01"), now: at,
                                      registration: registration, policy: PenaltyPolicy()) },
            { _ = try RoomNoShow.mark(state: .paid, dates: [F.day("2026-07-01")], divisions: Division.standard, on: F.day("2026-07-01"),
                                      now: Instant(japanDate: F.day("2026-07-01")), registration: registration, policy: PenaltyPolicy()) },
        ]
        return bodies.compactMap { Self.refusal($0) }
    }

    @Test func everyFrontDeskRefusalHasJapaneseWithEveryPlaceholderFilled() {
        let errors = Self.refusals()
        #expect(errors.count == 19)
        for error in errors {
            let message = MessageCatalogue.message(for: error)
            #expect(message != nil, "\(error.codeName) has no Japanese")
            #expect(message?.ja.contains("{") == false, "\(error.codeName): \(message?.ja ?? "")")
            #expect(message?.en == error.message)
        }
    }

    /// The catalogue holds the use cases' codes too (a receipt not found,
    /// a refund not found): those are tested where they are raised.
    @Test func everyCodeARuleRaisesIsInTheCatalogue() {
        #expect(Set(Self.refusals().map(\.codeName)).isSubset(of: Set(MessageCatalogue.japanese.keys)))
    }

    @Test func yenDetailsAreWrittenWithTheYenSignAndCommas() throws {
        var ledger = PaymentLedger(fee: 12000)
        let error = Self.refusal { try ledger.record(Payment(amount: 15000, method: .cash, takenBy: "s", at: Self.at)) }
        let message = try #require(error.flatMap { MessageCatalogue.message(for: $0) })
        #expect(message.ja == "入金額 ¥15,000 が未収額 ¥12,000 を超えています（使用料 ¥12,000、入金済み ¥0）。受け取れるのは未収額までです。")
        #expect(message.text(in: .en) == error?.message)
    }

    @Test func dateDetailsAreWrittenWithTheEraAndWeekday() {
        #expect(MessageCatalogue.render("{date:date}", details: ["date": "2026-07-01"]) == "令和8年7月1日(水)")
    }

    @Test func aTemplateNeedingAMissingDetailGivesWayToTheNext() {
        let error = Refusal(NameKana.Code.invalid, "blank", details: ["field": "name_kana"])
        #expect(MessageCatalogue.message(for: error)?.ja == "フリガナをカタカナかひらがなで、1行、200文字以内で入力してください。")
    }

    @Test func aCodeNoSetHasHasNoMessage() {
        #expect(MessageCatalogue.message(code: "no_such_code", english: "Not now.", details: [:]) == nil)
    }

    @Test func aRuleWithoutDetailsStillReadsInJapanese() {
        #expect(MessageCatalogue.message(for: Refusal(BookingState.Code.invalidTransition, "Not now."))?.ja
            == "この予約の状態ではその操作はできません。")
    }

    /// The refusal a throwing rule raises, as it is, or nil when it accepts.
    static func refusal(_ body: () throws -> Void) -> (any AnyRefusal)? {
        do {
            try body()
            return nil
        } catch {
            return error as? any AnyRefusal
        }
    }
}
