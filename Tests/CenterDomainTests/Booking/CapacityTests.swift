import Testing
@testable import CenterDomain

@Suite struct CapacityTests {
    typealias F = RulesFixtures
    let room = RulesFixtures.room("meeting-room-1", capacity: 24)

    @Test func capacityAcceptsFullRoom() {
        #expect(F.refusal { try Capacity.check(attendees: 24, facility: room) } == nil)
    }

    @Test func capacityRefusesOneMore() {
        let error = F.refusal { try Capacity.check(attendees: 25, facility: room) }
        #expect(error?.code == "capacity_exceeded")
        #expect(error?.details["capacity"] == "24")
    }

    @Test func attendeesMustBePositive() {
        #expect(F.refusal { try Capacity.check(attendees: 0, facility: room) }?.code == "attendees_invalid")
    }
}
