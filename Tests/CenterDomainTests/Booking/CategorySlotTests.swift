import CalendarValues
import Testing
@testable import CenterDomain

/// A slot asked for no category (docs/DOMAIN.md "Availability for every
/// category"): free only where every category may book it now; otherwise
/// who may book it and when it opens for the others.
struct CategorySlotTests {
    let june = LocalDate("2026-06-01")!, august = LocalDate("2026-08-01")!

    @Test func aSlotEveryCategoryMayBookIsFree() {
        let slot = CategorySlot(statuses: [(.general, .free), (.ward, .free)])
        #expect(slot.status == .free)
        #expect(slot.bookableBy == [.ward, .general])
        #expect(slot.openings.isEmpty)
    }

    @Test func aSlotOnlySomeMayBookIsNotOpenWithEachOpening() {
        let slot = CategorySlot(statuses: [(.general, .notOpen(opens: august)), (.ward, .free), (.smallBusiness, .notOpen(opens: june))])
        #expect(slot.status == .notOpen(opens: june))
        #expect(slot.bookableBy == [.ward])
        #expect(slot.openings == [CategorySlot.Opening(category: .smallBusiness, opens: june),
                                  CategorySlot.Opening(category: .general, opens: august)])
    }

    @Test func aSlotEveryoneSeesTheSameWayKeepsThatStatus() {
        #expect(CategorySlot(statuses: [(.general, .booked), (.ward, .booked)]).status == .booked)
        #expect(CategorySlot(statuses: [(.general, .closed), (.ward, .closed)]).bookableBy.isEmpty)
    }

    @Test func aSlotHeldForCommunityGroupsIsHeldForTheOthers() {
        let slot = CategorySlot(statuses: [(.general, .held(releaseDate: june)), (.communityGroup, .free)])
        #expect(slot.status == .held(releaseDate: june))
        #expect(slot.bookableBy == [.communityGroup])
    }

    @Test func aSlotPastOneCategorysLastBookingDayIsNotFree() {
        let slot = CategorySlot(statuses: [(.general, .free), (.communityGroup, .windowClosed)])
        #expect(slot.status == .windowClosed)
        #expect(slot.bookableBy == [.general])
    }

    @Test func noCategoryAtAllBooksNothing() {
        #expect(CategorySlot(statuses: []).status == .windowClosed)
    }

    @Test func theRoomCategoriesAreThoseWithAWindowForRooms() {
        let windows = [CategoryWindow(category: .freelancer, opens: nil, kinds: [.desk]),
                       CategoryWindow(category: .general, opens: .firstOfMonth(monthsBefore: 1)),
                       CategoryWindow(category: .ward, opens: .firstOfMonth(monthsBefore: 12))]
        #expect(SlotAvailability.roomCategories(windows, kind: .room).map(\.category) == [.ward, .general])
    }
}
