import CalendarValues
import CenterDomain
import Foundation
@testable import CenterService

/// Shortcuts for the booking API tests: registrations through `POST
/// /registrations` and booking bodies as the API takes them.
extension TestServer {
    /// Registers a user of `category` through the API and returns its id.
    /// The helper's users share a name and phone, so each is confirmed as new
    /// (`confirm_new`); the duplicate check has its own tests.
    func register(_ category: String, inWard: Bool = true, validFrom: String? = nil, validUntil: String? = nil,
                  client: TestClient? = nil) async throws -> Int64 {
        let evidence = switch category {
        case "economic_group": #"{"has_office_in_ward":true}"#
        case "community_group": #"{"member_count":8,"members_in_ward":5}"#
        default: "{}"
        }
        var body = #"{"category":"\#(category)","name":"\#(category) user","contact":"03-0000-0000","in_ward":\#(inWard),"evidence":\#(evidence),"confirm_new":true"#
        if let validFrom { body += #","valid_from":"\#(validFrom)""# }
        if let validUntil { body += #","valid_until":"\#(validUntil)""# }
        body += "}"
        let response = try await (client ?? self.client()).send("POST", "/registrations", body: body, token: adminToken)
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestFailure("registration failed: \(response.status) \(response.text)")
        }
        return Int64(id)
    }

    /// Moves the manual clock to `minute` past midnight of `date` in Japan.
    func setClock(_ date: String, minute: Int = 600) {
        clock.set(Instant(japanDate: LocalDate(date)!, minuteOfDay: minute))
    }
}

/// A `POST /bookings` body.
func bookingBody(_ date: String, _ divisions: [String] = ["am"], facility: String = "meeting-room-1", days: Int = 1,
                 registration: Int64, attendees: Int = 10, guardian: String? = nil) -> String {
    let list = divisions.map { "\"\($0)\"" }.joined(separator: ",")
    var body = #"{"facility":"\#(facility)","date":"\#(date)","divisions":[\#(list)],"days":\#(days),"registration":\#(registration),"purpose":"Seminar","attendees":\#(attendees),"admission_charged":0,"commercial":false"#
    if let guardian { body += #","guardian":"\#(guardian)""# }
    return body + "}"
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
