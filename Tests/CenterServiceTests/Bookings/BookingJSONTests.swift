import CalendarValues
import CenterDomain
import JSON
import Store
import Testing
@testable import CenterService

/// A booking's JSON written straight to bytes (`BookingJSON`, the write
/// paths' encoding) is the JSON `JSONCodec` writes for the same booking,
/// byte for byte, in every state and with any text; text it does not write
/// itself goes to `JSONCodec`.
struct BookingJSONTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture(synchronousFull: false) }

    /// The row of booking `id` as the write paths read it.
    func row(_ id: Int64) async throws -> BookingRow {
        try await f.read { db in try BookingRow.load(db, id: id) }
    }

    func expectSameAsCodec(_ row: BookingRow, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = BookingJSON.encode(row, fee: Array(row.fee.utf8))
        #expect(fast == (try JSONCodec.encode(row.booking())), sourceLocation: sourceLocation)
        #expect(try row.json() == (try JSONCodec.encode(row.booking())), sourceLocation: sourceLocation)
    }

    @Test func aBookingInEveryStateIsWrittenAsTheCodecWritesIt() async throws {
        let registration = try await f.register(.general, inWard: false)
        let provisional = try await f.book("2026-12-10", [.am, .pm], registration: registration, guardian: "山田 花子")
        let paid = try await f.book("2026-12-11", [.night], days: 2, registration: registration, admission: 500, commercial: true)
        _ = try await f.service.bookings.pay(booking: paid.id, by: f.staff)
        let cancelled = try await f.book("2026-12-14", registration: registration)
        _ = try await f.service.bookings.pay(booking: cancelled.id, by: f.staff)
        _ = try await f.service.bookings.cancel(booking: cancelled.id, reason: "予定変更 \"急用\"", byCenter: false, by: f.staff)
        let checkedIn = try await f.book("2026-12-18", [.night], registration: registration)
        _ = try await f.service.bookings.pay(booking: checkedIn.id, by: f.staff)
        f.clock.set(Instant(japanDate: date("2026-12-18"), minuteOfDay: 540))
        _ = try await f.service.bookings.checkIn(booking: checkedIn.id, by: f.staff)
        for id in [provisional.id, paid.id, cancelled.id, checkedIn.id] {
            try expectSameAsCodec(try await row(id))
        }
        #expect(try await row(cancelled.id).refund != nil)
    }

    @Test func theFrontDeskAndTokyoFieldsAreWrittenAsTheCodecWritesThem() async throws {
        let registration = try await f.register(.general)
        // Some days cancelled by a closure, the rest paid, then cancelled whole.
        let threeDays = try await f.book("2026-12-08", [.am], days: 3, registration: registration)
        _ = try await f.service.bookings.pay(booking: threeDays.id, by: f.staff)
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-09"), facilities: ["meeting-room-1"],
                                                                     reasonJa: "漏水の修理"), by: f.staff)
        #expect(try await row(threeDays.id).cancelledDays == [date("2026-12-09")])
        try expectSameAsCodec(try await row(threeDays.id))
        let cancelled = try await f.service.bookings.cancel(booking: threeDays.id, reason: "中止", byCenter: false, by: f.staff)
        #expect(cancelled.json == (try JSONCodec.encode(try await row(threeDays.id).booking())))
        // Hours, a staff approval, a series date.
        let hourly = try #require(try await f.service.bookings.book(BookingRequest(
            facility: "consultation-room-1", date: date("2026-12-10"), divisions: [], registration: registration, attendees: 2,
            hours: BookingHours(from: LocalTime("13:00")!, to: LocalTime("15:00")!)), by: f.staff).value)
        let approved = try #require(try await f.service.bookings.book(BookingRequest(
            facility: "nursery-room", date: date("2026-12-11"), divisions: [.am], registration: registration, attendees: 5,
            couplingApproval: CouplingApprovalInput(approvedBy: "館長 \"山田\"", reason: "託児/セミナー")), by: f.staff).value)
        let series = try #require(try await f.service.bookings.bookSeries(SeriesRequest(
            facility: "meeting-room-2", divisions: [.pm], registration: registration, pattern: .weekly(weekdays: [.tuesday]),
            from: date("2026-12-01"), through: date("2026-12-15")), by: f.staff).value)
        let dated = try #require(series.series.bookings.first)
        for id in [hourly.id, approved.id, dated.id] {
            let row = try await row(id)
            try expectSameAsCodec(row)
            _ = try await f.service.bookings.cancel(booking: id, reason: nil, byCenter: true, by: f.staff)
            try expectSameAsCodec(try await self.row(id))
        }
        #expect(try await row(hourly.id).hours != nil)
        #expect(try await row(approved.id).couplingApproval != nil)
        #expect(try await row(dated.id).series == series.series.id)
    }

    @Test(arguments: [
        "Seminar", #"He said "hi""#, #"back\slash and \"both\""#, "スラッシュ/あり・全角　空白", "絵文字 🎉🇯🇵 and é (NFC)",
        "a" + String(repeating: "長", count: 400),
    ])
    func anyPurposeTheRulesAcceptIsWrittenAsTheCodecWritesIt(purpose: String) async throws {
        let registration = try await f.register(.general)
        let request = BookingRequest(facility: "meeting-room-1", date: date("2026-12-10"), divisions: [.am],
                                     registration: registration, purpose: purpose)
        let booked = try await f.service.bookings.book(request, by: f.staff)
        let row = try await row(try #require(booked.value).id)
        try expectSameAsCodec(row)
        #expect(booked.json == (try JSONCodec.encode(row.booking())))
    }

    @Test(arguments: ["line\u{2028}separator", "para\u{2029}graph", "tab\there", "bell\u{07}", "del\u{7F}"])
    func textTheRulesWouldRefuseIsLeftToTheCodec(purpose: String) async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        // Text older versions may have stored: written into the row directly.
        _ = try await f.service.pool.write { db in
            try db.run("UPDATE bookings SET purpose = ? WHERE id = ?", [.text(purpose), .integer(booking.id)])
        }
        let row = try await row(booking.id)
        #expect(BookingJSON.encode(row, fee: Array(row.fee.utf8)) == nil)
        #expect(try row.json() == (try JSONCodec.encode(row.booking())))
    }

    @Test func everyFeeTheConfigurationGivesIsWrittenAsTheCodecWritesIt() throws {
        let center = BookingFixture.settings.center
        let calculator = center.feeCalculator
        var compared = 0
        for facility in center.facilities where facility.kind == .room && facility.bookable && !facility.divisions.isEmpty {
            let spans = [[facility.divisions[0]], facility.divisions, [facility.divisions[0], facility.divisions[facility.divisions.count - 1]]]
            for divisions in spans {
                for category: UserCategory in [.ward, .economicGroup, .general] {
                    for (admission, commercial, outOfWard) in [(0, false, false), (2000, true, true), (500, false, true)] {
                        for exemptions in [[], ["ward_sponsored"], ["ward_cohosted"]] {
                            let perDay = try calculator.fee(for: FeeRequest(
                                facility: facility, divisions: divisions, category: category, admissionYen: admission,
                                commercial: commercial, outOfWard: outOfWard, exemptionCodes: exemptions))
                            let fee = BookingFee(days: 2, perDay: perDay)
                            #expect(BookingJSON.fee(fee) == (try JSONCodec.encode(fee)), "\(facility.id) \(divisions) \(category)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 500)
    }

    @Test(arguments: [1.2, 1.5, 2.0, 0.5, 1.25, 3.0, 10.0, 0.125, 1.0])
    func aMultiplierIsWrittenAsTheCodecWritesIt(multiplier: Double) throws {
        let text = #"{"days":1,"per_day":{"exemptions":[],"gap_hours_free":[],"lines":[],"rounding":0,"subtotal":0,"#
            + #""surcharges":[{"code":"x","label":"X","multiplier":\#(multiplier)}],"total":0},"total":0}"#
        let fee = try JSONCodec.decodeStored(BookingFee.self, from: text)
        #expect(BookingJSON.fee(fee) == (try JSONCodec.encode(fee)))
    }

    @Test func theTemplateHoldsEverythingButTheID() throws {
        let template = BookingJSON.Template(head: Array(#"{"a":1,"id":"#.utf8), tail: Array(#","z":2}"#.utf8))
        #expect(String(decoding: template.json(id: 9_007_199_254_740_991), as: UTF8.self)
                == #"{"a":1,"id":9007199254740991,"z":2}"#)
    }
}
