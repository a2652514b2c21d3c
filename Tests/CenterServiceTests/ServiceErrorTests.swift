import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Testing
@testable import CenterService

/// A use case throws only the refusals its type declares: one of another set
/// is a failure (a defect, logged), never an answer the API did not document.
struct ServiceErrorTests {
    let log = ServiceLogCollector()
    let service: CenterService
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errors-\(UUID().uuidString)").path

    init() throws {
        service = CenterService(settings: BookingFixture.settings, store: try CenterStore.open(path: directory + "/center.sqlite"),
                                clock: ManualClock(now: Instant(japanDate: BookingFixture.today)), log: log.log)
    }

    typealias Lookup = Refusals<BookingLookupCode, DateRangeCode>

    @Test func aRefusalOfADeclaredSetIsRefusedWithItsCode() {
        let lifted = service.context.lift(Refusal(DateRangeCode.rangeTooLong, "too long"), as: Lookup.self)
        #expect(lifted.refusal?.codeName == "range_too_long")
        #expect(lifted.refusal?.message == "too long")
        service.close()
    }

    @Test func aRefusalOfAnotherSetIsAFailureAndIsLogged() {
        let lifted = service.context.lift(Refusal(PaymentCode.paymentDeadlinePassed, "late"), as: Lookup.self)
        #expect(lifted.refusal == nil)
        #expect(lifted.failure != nil)
        #expect(log.all.contains { $0.message == "refusal not declared by its use case" && $0.fields["code"] == "payment_deadline_passed" })
        service.close()
    }

    @Test func anotherUseCasesRefusalKeepsItsCodeWhenDeclaredHereToo() {
        let inner = ServiceError<BookingLookupCode>.refused(Refusal(.bookingNotFound, "No booking has id 3."))
        #expect(service.context.lift(inner, as: Lookup.self).refusal?.codeName == "booking_not_found")
        service.close()
    }

    @Test func aRefusalReadsAsItsMessageWhereItIsPrinted() {
        let refused = ServiceError<BookingLookupCode>.refused(Refusal(.bookingNotFound, "No booking has id 3."))
        #expect("cannot cancel: \(refused)" == "cannot cancel: No booking has id 3.")
        service.close()
    }

    @Test func aRecordedRefusalIsReadBackAsItsSetsCode() {
        #expect(Lookup(code: "booking_not_found")?.rawValue == "booking_not_found")
        #expect(Lookup(code: "slot_taken") == nil)
        service.close()
    }
}
