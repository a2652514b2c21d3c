import CenterDomain
import CenterService
import HTTPServer
import JSON
import Roadmap
import ServiceTestSupport
import Testing
@testable import CenterAPI

/// Every code an operation can answer is listed in its `x-error-codes`,
/// because the list is its use case's refusal type plus the API's own input
/// and access codes; every code has one status, chosen in `ErrorStatus.swift`.
/// (Every API test's server also checks, when it stops, that none of its
/// requests was answered a code its operation does not list.)
@Suite struct ErrorCodeContractTests {
    @Test func aRuleRefusalIsAConflictAndAnInvalidValueIsUnprocessable() {
        #expect(Registration.Code.registrationExpired.status == .conflict)
        #expect(RegistrationValidity.RenewalCode.renewalNotOpen.status == .conflict)
        #expect(CategoryWindow.Code.windowNotOpen.status == .conflict)
        #expect(CategoryWindow.Code.categoryNotPermitted.status == .conflict)
        #expect(CommunityQuota.Code.communityQuotaReserved.status == .conflict)
        #expect(DivisionCutoff.Code.divisionPast.status == .conflict)
        #expect(Eligibility.Code.wardShareTooLow.status == .unprocessableContent)
        #expect(CorporateNumber.Code.corporateNumberInvalid.status == .unprocessableContent)
        #expect(ConsecutiveDays.Code.dateRangeInvalid.status == .unprocessableContent)
        #expect(Capacity.Code.attendeesInvalid.status == .unprocessableContent)
    }

    @Test func aCodeHasOneStatusWhicheverSetListsIt() {
        var statuses: [String: Set<Int>] = [:]
        for endpoint in CenterAPI.endpoints {
            for error in endpoint.errors { statuses[error.code, default: []].insert(error.status.code) }
        }
        for (code, found) in statuses { #expect(found.count == 1, "\(code) is answered \(found.sorted())") }
    }

    @Test func anOperationListsTheRefusalsOfItsUseCase() throws {
        let book = try #require(CenterAPI.endpoints.first { $0.method == .POST && $0.path == "/bookings" })
        for code in Bookings.BookRefusal.allCases { #expect(book.errorCodes.contains(code.rawValue), "\(code.rawValue)") }
        let pay = try #require(CenterAPI.endpoints.first { $0.path == "/bookings/{id}/payment" })
        #expect(pay.errorCodes.contains("payment_deadline_passed") && !pay.errorCodes.contains("slot_taken"))
    }

    @Test func everyStatusAnOperationAnswersIsDocumented() {
        let document = OpenAPIDocument.build(endpoints: CenterAPI.endpoints)
        for endpoint in CenterAPI.endpoints {
            let responses = document["paths"]?[endpoint.path]?[endpoint.method.rawValue.lowercased()]?["responses"]
            for error in endpoint.errors {
                #expect(responses?[String(error.status.code)] != nil, "\(endpoint.path) answers \(error.code) \(error.status.code)")
            }
        }
    }

    @Test func aRefusalTheOperationDoesNotListIsAnsweredNotedAndLogged() async throws {
        let log = ServiceLogCollector()
        try await withTestServer(log: log.log) { server throws in
            let undeclared = Endpoint(.GET, "/drift", summary: "", tag: "test", access: .anyone, response: [:],
                                      refusals: NoRefusal.self) { _ in
                throw Refusal(BookingLookupCode.bookingNotFound, "No booking has id 1.")
            }
            let request = HTTPRequest(method: .GET, target: "/drift", pathSegments: ["drift"], query: [])
            let metrics = APIMetrics()
            let response = await CenterAPI.answer(undeclared, request: request, service: server.service,
                                                  resources: APIResources(service: server.service, metrics: metrics))
            #expect(response.status == .notFound)
            #expect(metrics.unlistedRefusals == ["GET /drift: booking_not_found"])
            #expect(log.all.contains { $0.message == "refusal not listed for the operation" && $0.fields["code"] == "booking_not_found" })
        }
    }
}
