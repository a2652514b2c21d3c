import CalendarValues
import CenterDomain
import Foundation
import ServiceTestSupport
import Testing
@testable import CenterService

/// Series bookings (定期利用) through the service (docs/DOMAIN.md "Series
/// bookings (定期利用)"). Today is 2026-11-25: a general user's window
/// reaches the end of December, a community group's 2027-01-25.
@Suite struct SeriesBookingServiceTests {
    func request(_ registration: Int64, _ pattern: SeriesPattern, from: String, through: String,
                 divisions: [DivisionID] = [.am], facility: FacilityID = "meeting-room-1") -> SeriesRequest {
        SeriesRequest(facility: facility, divisions: divisions, registration: registration, pattern: pattern,
                      from: LocalDate(from)!, through: LocalDate(through)!, purpose: "定例会", attendees: 10)
    }

    @Test func eachDateIsBookedOrRefusedWithItsCodeAndTheLaterDatesWait() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        let other = try await f.register(.general)
        _ = try await f.book("2026-12-08", registration: other)
        let outcome = try #require(try await f.service.bookings.bookSeries(
            request(general, .weekly(weekdays: [.tuesday]), from: "2026-12-01", through: "2027-01-31"), by: f.staff).value)
        #expect(outcome.dates.map(\.date.description) == ["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29"])
        #expect(outcome.dates.map(\.outcome) == ["booked", "refused", "booked", "booked", "refused"])
        #expect(outcome.dates.map { $0.error?.code } == [nil, "slot_taken", nil, nil, "facility_closed"])
        #expect(outcome.afterWindow.map(\.description) == ["2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26"])
        #expect(outcome.series.bookings.count == 3)
        #expect(outcome.series.bookings.allSatisfy { $0.series == outcome.series.id && $0.source == .series })
        #expect(outcome.series.windowThrough == LocalDate("2026-12-31")!)
    }

    @Test func theEarlierDatesCountTowardTheMonthlyLimit() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        let outcome = try #require(try await f.service.bookings.bookSeries(
            request(general, .weekly(weekdays: [.tuesday, .thursday]), from: "2026-12-01", through: "2026-12-31",
                    divisions: [.am, .pm]), by: f.staff).value)
        #expect(outcome.dates.map { $0.error?.code } == [nil, nil, nil, nil, "monthly_limit_reached", "monthly_limit_reached",
                                                         "monthly_limit_reached", "monthly_limit_reached", "facility_closed",
                                                         "facility_closed"])
    }

    @Test func aClosedDateIsRefusedAndTheOthersBooked() async throws {
        let f = try BookingFixture()
        let community = try await f.register(.communityGroup)
        let outcome = try #require(try await f.service.bookings.bookSeries(
            request(community, .monthlyDay(day: 29), from: "2026-12-01", through: "2027-01-31"), by: f.staff).value)
        #expect(outcome.dates.map(\.date.description) == ["2026-12-29"])
        #expect(outcome.dates.first?.error?.code == "facility_closed")
        #expect(outcome.afterWindow.map(\.description) == ["2027-01-29"])
    }

    @Test func aSeriesLongerThanAYearOrReversedIsRefused() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        #expect(await f.refusal {
            _ = try await f.service.bookings.bookSeries(self.request(general, .monthlyDay(day: 1), from: "2026-12-01",
                                                                     through: "2027-12-01"), by: f.staff)
        } == "series_too_long")
        #expect(await f.refusal {
            _ = try await f.service.bookings.bookSeries(self.request(general, .weekly(weekdays: []), from: "2026-12-01",
                                                                     through: "2026-12-31"), by: f.staff)
        } == "series_pattern_invalid")
    }

    @Test func continuingBooksTheDatesWhoseWindowHasOpenedSince() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        let first = try #require(try await f.service.bookings.bookSeries(
            request(general, .monthlyNthWeekday(week: 2, weekday: .wednesday), from: "2026-12-01", through: "2027-03-31"),
            by: f.staff).value)
        #expect(first.dates.map(\.date.description) == ["2026-12-09"])
        f.move(to: "2027-01-04T09:00:00+09:00")
        let next = try #require(try await f.service.bookings.continueSeries(id: first.series.id, by: f.staff).value)
        #expect(next.dates.map(\.date.description) == ["2027-01-13", "2027-02-10"])
        #expect(next.dates.allSatisfy { $0.outcome == "booked" })
        #expect(next.afterWindow.map(\.description) == ["2027-03-10"])
        #expect(next.series.bookings.count == 3)
        #expect(next.series.windowThrough == LocalDate("2027-02-28")!)
    }

    @Test func cancellingTheSeriesCancelsItsUnusedBookingsAndOneDateAlone() async throws {
        let f = try BookingFixture()
        let general = try await f.register(.general)
        let outcome = try #require(try await f.service.bookings.bookSeries(
            request(general, .weekly(weekdays: [.friday]), from: "2026-12-01", through: "2026-12-31"), by: f.staff).value)
        let one = try #require(outcome.series.bookings.first)
        _ = try await f.service.bookings.cancel(booking: one.id, reason: "その日だけ休み", byCenter: false, by: f.staff)
        let cancelled = try #require(try await f.service.bookings.cancelSeries(id: outcome.series.id, reason: nil, by: f.staff).value)
        #expect(cancelled.cancelledAt != nil)
        #expect(cancelled.bookings.allSatisfy { $0.state == .cancelledByUser })
        #expect(await f.refusal { _ = try await f.service.bookings.cancelSeries(id: outcome.series.id, reason: nil, by: f.staff) }
                == "series_cancelled")
        #expect(await f.refusal { _ = try await f.service.bookings.continueSeries(id: outcome.series.id, by: f.staff) }
                == "series_cancelled")
    }

    @Test func aMemberSeesAndBooksOnlyItsOwnSeries() async throws {
        let f = try BookingFixture()
        let own = try await f.register(.general)
        let other = try await f.register(.general)
        let outcome = try #require(try await f.service.bookings.bookSeries(
            request(own, .weekly(weekdays: [.monday]), from: "2026-12-01", through: "2026-12-31"), by: f.member(own)).value)
        #expect(await f.refusal { _ = try await f.service.bookings.series(id: outcome.series.id, for: f.member(other)) }
                == "series_not_found")
        #expect(await f.refusal {
            _ = try await f.service.bookings.bookSeries(self.request(other, .weekly(weekdays: [.monday]), from: "2026-12-01",
                                                                     through: "2026-12-31"), by: f.member(own))
        } == "registration_not_found")
    }
}
