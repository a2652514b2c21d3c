import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// The refusals the front desk's use cases add beside the domain's rules
/// read in Japanese too, every placeholder filled from their details.
struct FrontDeskMessageTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    /// The refusal `work` throws, as the API maps it.
    func refusal(_ work: () async throws -> Void) async -> (any AnyRefusal)? {
        do {
            try await work()
            return nil
        } catch {
            return (error as? any ServiceErrorProtocol)?.refusal
        }
    }

    @Test func everyUseCaseRefusalOfTheCounterHasJapanese() async throws {
        let registration = try await f.register(.general)
        let unpaid = try await f.book("2026-12-10", registration: registration)
        let paid = try await f.book("2026-12-11", registration: registration)
        _ = try await f.service.bookings.pay(booking: paid.id, by: f.staff)
        _ = try await f.service.receipts.issue(booking: paid.id, by: f.staff)
        let refusals = [
            await refusal { _ = try await f.service.bookings.payOutRefund(booking: unpaid.id, refund: 1, method: .cash, by: f.staff) },
            await refusal { _ = try await f.service.bookings.takePayment(booking: unpaid.id, amount: 1, method: .cash, takenBy: "", by: f.staff) },
            await refusal { _ = try await f.service.receipts.issue(booking: unpaid.id, by: f.staff) },
            await refusal { _ = try await f.service.receipts.issue(booking: paid.id, payment: 2, by: f.staff) },
            await refusal { _ = try await f.service.receipts.issue(booking: paid.id, payment: 1, by: f.staff) },
            await refusal { _ = try await f.service.receipts.receipt(number: ReceiptNumber("2026-000009")!) },
        ].compactMap { $0 }
        #expect(refusals.map(\.codeName) == ["refund_not_found", "staff_name_invalid", "nothing_to_receipt", "payment_not_found",
                                             "receipt_already_issued", "receipt_not_found"])
        for refusal in refusals {
            let message = MessageCatalogue.message(for: refusal)
            #expect(message != nil, "\(refusal.codeName) has no Japanese")
            #expect(message?.ja.contains("{") == false, "\(refusal.codeName): \(message?.ja ?? "")")
        }
        #expect(refusals.compactMap { MessageCatalogue.message(for: $0) }.map(\.ja)[4]
            == "予約 2 の入金 1 には領収書 2026-000001 を発行済みです。必要なら再発行してください。")
    }
}
