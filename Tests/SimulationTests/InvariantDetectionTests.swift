import CalendarValues
import CenterDomain
import CenterService
import JSON
@testable import Simulation
import Testing

/// Each invariant catches what it is about: a violation planted straight
/// into the database (or handed to it as a step's evidence) is reported
/// under its name, after real operations that broke nothing.
@Suite(.onSimulationThread) struct InvariantDetectionTests {
    @Test func twoLiveBookingsOfOneUnitAreCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        for division in [DivisionID.am, .pm] {
            try await center.book(holder, divisions: [division])
        }
        try center.plant("DROP INDEX booking_units_one_live", "UPDATE booking_units SET division = 'am' WHERE booking_id = 2")
        #expect(try center.broken().contains("units.no_overlap"))
    }

    @Test func aDeskLetTwiceIsCaught() async throws {
        let center = try await PlantedCenter()
        let first = try await center.register(.freelancer), second = try await center.register(.freelancer)
        for holder in [first, second] {
            try await center.run(PassOperation(registration: holder, date: PlantedCenter.day("2026-11-27"), period: "am", desk: nil,
                                               asMember: true))
        }
        try center.plant("DROP INDEX desk_pass_periods_one_live_desk",
                         "UPDATE desk_pass_periods SET desk_id = 'desk-01' WHERE pass_id = 2",
                         "UPDATE desk_passes SET desk_id = 'desk-01' WHERE id = 2")
        #expect(try center.broken().contains("desks.never_double_let"))
    }

    @Test func aLockerLetTwiceIsCaught() async throws {
        let center = try await PlantedCenter()
        for _ in 0..<2 {
            let holder = try await center.register()
            try await center.run(LeaseOperation(registration: holder, startMonth: PlantedCenter.today.yearMonth, months: 6,
                                                lessee: .founder, locker: nil))
        }
        try center.plant("DROP INDEX locker_leases_one_active_per_locker", "UPDATE locker_leases SET locker_id = 'locker-01' WHERE id = 2")
        #expect(try center.broken().contains("lockers.never_double_let"))
    }

    @Test func aBayOverItsCapacityIsCaught() async throws {
        let center = try await PlantedCenter()
        try await center.run(ApplyStorageOperation(registration: nil, category: "tourism_association", fiscalYearOffset: 0, units: 9))
        try await center.run(AllocateOperation(fiscalYearOffset: 0))
        try center.plant("DROP TRIGGER storage_allocations_fixed", "UPDATE storage_applications SET units = 12",
                         "UPDATE storage_allocations SET units = 12")
        #expect(try center.broken().contains("storage.within_capacity"))
    }

    @Test func anItemOutWithoutItsRecordIsCaught() async throws {
        let center = try await PlantedCenter()
        let applied = try await center.run(ApplyStorageOperation(registration: nil, category: "tourism_association",
                                                                 fiscalYearOffset: 0, units: 2))
        try await center.run(AllocateOperation(fiscalYearOffset: 0))
        let item = try await center.run(ItemOperation(change: .register(application: applied.ref, quantity: 3)))
        try await center.run(ItemOperation(change: .checkOut(item: item.ref)))
        try center.plant("UPDATE storage_items SET out_movement = NULL")
        #expect(try center.broken().contains("storage.within_capacity"))
    }

    @Test func moreUnitsInAMonthThanTheCapAreCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder, divisions: [.am, .pm, .night])
        try center.plant("""
            INSERT INTO booking_units (booking_id, facility_id, date, division, registration_id, live, community)
            VALUES (1, 'meeting-room-2', '2026-12-01', 'am', 1, 1, 0), (1, 'meeting-room-2', '2026-12-02', 'am', 1, 1, 0),
                   (1, 'meeting-room-2', '2026-12-03', 'am', 1, 1, 0), (1, 'meeting-room-2', '2026-12-04', 'am', 1, 1, 0),
                   (1, 'meeting-room-2', '2026-12-05', 'am', 1, 1, 0), (1, 'meeting-room-2', '2026-12-06', 'am', 1, 1, 0)
            """)
        #expect(try center.broken().contains("limits.monthly_cap"))
    }

    @Test func moreConsecutiveDaysThanTheLimitAreCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder, days: 3)
        try center.plant("""
            INSERT INTO booking_units (booking_id, facility_id, date, division, registration_id, live, community)
            VALUES (1, 'meeting-room-1', '2026-12-13', 'am', 1, 1, 0)
            """)
        #expect(try center.broken().contains("limits.consecutive_days"))
    }

    @Test func aProtectedMonthFilledPastTheCeilingIsCaughtWhenABookingIsTaken() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register(.smallBusiness)
        let book = PlantedCenter.booking(holder, "gym", on: "2027-01-14", divisions: [.am, .pm, .night])
        let booked = try await center.run(book)
        try center.plant("""
            WITH RECURSIVE d(x) AS (SELECT '2027-01-01' UNION ALL SELECT date(x, '+1 day') FROM d WHERE x < '2027-01-31')
            INSERT OR IGNORE INTO booking_units (booking_id, facility_id, date, division, registration_id, live, community)
            SELECT 1, 'gym', x, v.division, 1, 1, 0 FROM d, (SELECT 'am' AS division UNION ALL SELECT 'pm' UNION ALL SELECT 'night') v
            """, """
            INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
            SELECT at, actor, action, entity, entity_id, before, after FROM audit_log WHERE action = 'booking.create'
            """)
        // Judged as the step that took it: the step that wrote its creation line.
        #expect(try center.broken(operation: book, outcome: booked.outcome).contains("quota.non_community_ceiling"))
    }

    @Test func aRegistrationValidLongerThanTheRuleIsCaught() async throws {
        let center = try await PlantedCenter()
        _ = try await center.register()
        try center.plant("UPDATE registrations SET valid_until = date(valid_from, '+2 years')")
        #expect(try center.broken().contains("registrations.validity_rule"))
    }

    @Test func aBookingLeftOnADayClosedSinceIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder)
        try center.plant("""
            INSERT INTO closures (first_date, last_date, facilities, reason_en, created_at, created_by)
            VALUES ('2026-12-10', '2026-12-10', '', 'planted', 0, 'test')
            """)
        #expect(try center.broken().contains("bookings.not_on_closed_days"))
    }

    @Test func aBookingForADayAfterItsRegistrationEndsIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder)
        try center.plant("UPDATE registrations SET valid_until = '2026-12-01'")
        #expect(try center.broken().contains("bookings.within_validity"))
    }

    @Test func aDivisionTakenAfterItEndedIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let book = PlantedCenter.booking(holder, on: PlantedCenter.today.description)
        try await center.run(book)
        // As if taken at 12:30, after 午前 ended.
        let late = Instant(japanDate: PlantedCenter.today, minuteOfDay: 750).secondsSinceEpoch
        try center.plant("UPDATE bookings SET created_at = \(late)")
        let booking = try await center.service.bookings.booking(id: 1, for: Actors.staff)
        let answer = Outcome.answered(Answer(json: [], replayed: false, value: .booking(booking)))
        #expect(try center.broken(operation: book, outcome: answer).contains("bookings.not_in_the_past"))
    }

    @Test func aLapsedHoldThatKeptItsPartPaymentIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(TakePaymentOperation(booking: booked.ref, amount: 500, method: .cash, takenBy: nil))
        try center.plant("UPDATE bookings SET state = 'lapsed'")
        #expect(try center.broken().contains("money.payments_and_refunds"))
    }

    @Test func aBookingPaidWithoutItsPaymentsIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder)
        try center.plant("UPDATE bookings SET state = 'paid', paid_at = created_at")
        #expect(try center.broken().contains("money.payments_and_refunds"))
    }

    @Test func aHoldStillProvisionalThoughCoveredIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(TakePaymentOperation(booking: booked.ref, amount: 500, method: .cash, takenBy: nil))
        try center.plant("UPDATE bookings SET fee_total = 500")
        #expect(try center.broken().contains("money.payments_and_refunds"))
    }

    @Test func aPaymentAboveTheFeeIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(PayOperation(booking: booked.ref))
        try center.plant("DROP TRIGGER payments_within_the_fee", """
            INSERT INTO payments (booking_id, number, amount, method, taken_by, recorded_by, at)
            SELECT id, 2, 100, 'cash', 'planted', 'planted', created_at FROM bookings
            """)
        #expect(try center.broken().contains("money.payments_and_refunds"))
    }

    @Test func aRefundAbovePaymentsOrPaidOutTwiceIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(PayOperation(booking: booked.ref))
        try await center.run(CancelOperation(booking: booked.ref, byCenter: true, asMember: false))
        try await center.run(PayOutOperation(booking: booked.ref, refund: 1, amount: nil, method: .cash, paidBy: nil))
        try center.plant("DROP TRIGGER refund_payouts_within_the_refund",
                         "INSERT INTO refund_payouts (refund_id, amount, method, paid_by, recorded_by, at) SELECT refund_id, amount, method, paid_by, recorded_by, at FROM refund_payouts")
        #expect(try center.broken().contains("money.payments_and_refunds"))
    }

    @Test func aRefundColumnApartFromTheLedgerIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(PayOperation(booking: booked.ref))
        try await center.run(CancelOperation(booking: booked.ref, byCenter: false, asMember: false))
        try center.plant("UPDATE bookings SET refund_amount = refund_amount + 10")
        #expect(try center.broken().contains("money.payments_and_refunds"))
    }

    @Test func aRefundAboveTheRuleIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        // Three days before use: the holder's cancellation refunds half.
        let booked = try await center.book(holder, on: "2026-11-28")
        try await center.run(PayOperation(booking: booked.ref))
        try await center.run(CancelOperation(booking: booked.ref, byCenter: false, asMember: false))
        try center.plant("DROP TRIGGER refunds_append_only_update", "UPDATE refunds SET amount = amount + 10",
                         "UPDATE bookings SET refund_amount = refund_amount + 10")
        #expect(try center.broken().contains("money.refund_rule"))
    }

    @Test func aGapInTheReceiptNumbersIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        for day in ["2026-12-10", "2026-12-11"] {
            let booked = try await center.book(holder, on: day)
            try await center.run(PayOperation(booking: booked.ref))
            try await center.run(IssueReceiptOperation(booking: booked.ref, payment: nil, payer: nil))
        }
        try center.plant("DROP TRIGGER receipts_never_deleted", "DELETE FROM receipts WHERE sequence = 1")
        #expect(try center.broken().contains("receipts.numbered_without_gaps"))
    }

    @Test func aReceiptForAnotherAmountThanItsPaymentIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(PayOperation(booking: booked.ref))
        try await center.run(IssueReceiptOperation(booking: booked.ref, payment: nil, payer: nil))
        try center.plant("DROP TRIGGER receipts_kept_as_issued", "UPDATE receipts SET amount = amount + 1")
        #expect(try center.broken().contains("receipts.numbered_without_gaps"))
    }

    @Test func takingsThatDoNotAddUpToTheLedgerAreCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(TakePaymentOperation(booking: booked.ref, amount: 1000, method: .card, takenBy: "山田"))
        let read = TakingsOperation(daysAgo: 0)
        let report = try await center.run(read)
        // A payment the report did not count.
        try center.plant("""
            INSERT INTO payments (booking_id, number, amount, method, taken_by, recorded_by, at)
            SELECT id, 2, 100, 'cash', '佐藤', 'planted', created_at FROM bookings
            """)
        #expect(try center.broken(operation: read, outcome: report.outcome).contains("money.daily_takings_add_up"))
    }

    @Test func aDaySheetThatAsksForMoneyAlreadyTakenIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        let booked = try await center.book(holder)
        let read = DaySheetOperation(dayOffset: 15)
        let sheet = try await center.run(read)
        try await center.run(TakePaymentOperation(booking: booked.ref, amount: 1000, method: .cash, takenBy: nil))
        #expect(try center.broken(operation: read, outcome: sheet.outcome).contains("frontdesk.day_sheet_matches"))
    }

    @Test func aSearchThatMissesAMatchingRegistrationIsCaught() async throws {
        let center = try await PlantedCenter()
        _ = try await center.register()
        // The name changed behind the service's back: its search keys did not follow.
        try center.plant("UPDATE registrations SET name = '佐藤 健 0'")
        var evidence = StepEvidence()
        let search = RegistrationSearch(name: try NameQuery("佐藤"))
        let found = try await center.service.registrations.search(search).map(\.id)
        evidence.searches.append(StepEvidence.Search(search: search, query: "q=佐藤", found: found))
        #expect(try center.broken(evidence: evidence).contains("registrations.search_finds_them"))
    }

    @Test func aLotteryEntryLeftUndecidedByItsDrawIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        // The entries for January 2027 (halls-general) open on 2026-12-01.
        try await center.run(MomentOperation(moment: .at(Instant(japanDate: PlantedCenter.day("2026-12-02"), minuteOfDay: 600))))
        try await center.run(LotteryEnterOperation(registration: holder, facility: "gym", date: PlantedCenter.day("2027-01-12"),
                                                   divisions: [.am], attendees: 20, asMember: false))
        try center.plant("UPDATE lottery_months SET drawn_at = committed_at + 864000, ballot = '{}', result = '{}'")
        #expect(try center.broken().contains("lottery.entries_and_draws"))
    }

    @Test func aWinnerWithoutItsBookingIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.run(MomentOperation(moment: .at(Instant(japanDate: PlantedCenter.day("2026-12-02"), minuteOfDay: 600))))
        try await center.run(LotteryEnterOperation(registration: holder, facility: "gym", date: PlantedCenter.day("2027-01-12"),
                                                   divisions: [.am], attendees: 20, asMember: false))
        try center.plant("UPDATE lottery_entries SET state = 'won', rank = 1")
        #expect(try center.broken().contains("lottery.entries_and_draws"))
    }

    @Test func anOfferOfASlotStillHeldIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register(), waiting = try await center.register()
        try await center.book(holder)
        try await center.run(WaitingJoinOperation(registration: waiting, facility: "meeting-room-1", date: PlantedCenter.day("2026-12-10"),
                                                  division: .am, attendees: 3, asMember: false))
        try center.plant("UPDATE waiting_entries SET state = 'offered', offered_at = applied_at, deadline = applied_at + 3600")
        #expect(try center.broken().contains("waiting_list.one_offer_per_slot"))
    }

    @Test func aFreedSlotNotOfferedAfterTheTimerIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register(), waiting = try await center.register()
        let booked = try await center.book(holder)
        try await center.run(WaitingJoinOperation(registration: waiting, facility: "meeting-room-1", date: PlantedCenter.day("2026-12-10"),
                                                  division: .am, attendees: 3, asMember: false))
        // The cancellation offers the slot; the offer is taken back behind the service's back.
        try await center.run(CancelOperation(booking: booked.ref, byCenter: false, asMember: false))
        try center.plant("UPDATE waiting_entries SET state = 'waiting', offered_at = NULL, deadline = NULL")
        var evidence = StepEvidence()
        evidence.timers = StepEvidence.TimerRound(at: center.runner.center.now, succeeded: ["waiting_list.advance"])
        #expect(try center.broken(evidence: evidence).contains("waiting_list.one_offer_per_slot"))
    }

    @Test func aSeriesBookingOffItsPatternIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.run(SeriesBookOperation(registration: holder, facility: "meeting-room-1", divisions: [.am], hours: nil,
                                                 pattern: .weekly(weekdays: [.thursday]), from: PlantedCenter.day("2026-11-26"),
                                                 through: PlantedCenter.day("2026-12-26"), attendees: 5, asMember: false))
        try center.plant("""
            UPDATE bookings SET first_date = date(first_date, '+1 day'), last_date = date(last_date, '+1 day')
            WHERE id = (SELECT min(id) FROM bookings)
            """)
        #expect(try center.broken().contains("series.bookings_follow_their_series"))
    }

    @Test func aHoldLeftProvisionalPastItsDeadlineByTheTimerIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder)
        let deadline = try center.runner.center.reader.int("SELECT payment_deadline FROM bookings")
        var evidence = StepEvidence()
        evidence.timers = StepEvidence.TimerRound(at: Instant(secondsSinceEpoch: deadline + 1), succeeded: ["booking.lapse"])
        #expect(try center.broken(evidence: evidence).contains("bookings.no_hold_past_its_deadline"))
    }

    @Test func aChangeWithoutItsAuditLineIsCaught() async throws {
        let center = try await PlantedCenter()
        let holder = try await center.register()
        try await center.book(holder)
        try center.plant("UPDATE bookings SET purpose = 'changed behind the log'")
        #expect(try center.broken().contains("audit.one_line_per_change"))
    }

    @Test func aLineWrittenTwiceIsCaught() async throws {
        let center = try await PlantedCenter()
        _ = try await center.register()
        try center.plant("""
            INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
            SELECT at, actor, action, entity, entity_id, before, after FROM audit_log WHERE entity = 'registration'
            """)
        #expect(try center.broken().contains("audit.one_line_per_change"))
    }

    @Test func anotherAnswerToTheSameKeyIsCaught() async throws {
        let center = try await PlantedCenter()
        var evidence = StepEvidence()
        let first = Outcome.refused(Refused(code: "slot_taken", message: "taken", details: [:]))
        evidence.replays.append(StepEvidence.Replay(step: 0, first: first, again: .refused(Refused(code: "window_closed", message: "",
                                                                                                    details: [:])), recorded: true))
        #expect(try center.broken(evidence: evidence).contains("idempotency.same_answer"))
    }

    @Test func aRetryOfABookingsArrivalRefusalIsDecidedAfresh() async throws {
        let center = try await PlantedCenter()
        var evidence = StepEvidence()
        let first = Outcome.refused(Refused(code: "window_not_open", message: "not yet", details: [:]))
        evidence.replays.append(StepEvidence.Replay(step: 0, first: first, again: .refused(Refused(code: "window_closed", message: "",
                                                                                                    details: [:])),
                                                    recorded: false, decidedOnArrival: true))
        #expect(try !center.broken(evidence: evidence).contains("idempotency.same_answer"))
    }

    @Test func anotherRequestsRuleRefusalLeftUnrecordedIsCaught() async throws {
        let center = try await PlantedCenter()
        var evidence = StepEvidence()
        let first = Outcome.refused(Refused(code: "payment_deadline_passed", message: "too late", details: [:]))
        let again = Outcome.answered(Answer(json: Array("{}".utf8), replayed: false, value: nil))
        evidence.replays.append(StepEvidence.Replay(step: 0, first: first, again: again, recorded: false))
        #expect(try center.broken(evidence: evidence).contains("idempotency.same_answer"))
    }

    @Test func aBookingDecidedAfreshIsRecorded() async throws {
        let center = try await PlantedCenter()
        var evidence = StepEvidence()
        let first = Outcome.refused(Refused(code: "slot_taken", message: "taken", details: [:]))
        let again = Outcome.answered(Answer(json: Array("{}".utf8), replayed: false, value: nil))
        evidence.replays.append(StepEvidence.Replay(step: 0, first: first, again: again, recorded: false, recordedAfter: false,
                                                    decidedOnArrival: true))
        #expect(try center.broken(evidence: evidence).contains("idempotency.same_answer"))
    }

    @Test func aRetryOfAKeyAnotherRequestTookMustBeRefusedReused() async throws {
        let center = try await PlantedCenter()
        let first = Outcome.refused(Refused(code: "window_not_open", message: "not yet", details: [:]))
        let reused = Outcome.refused(Refused(code: "idempotency_key_reused", message: "reused", details: [:]))
        let booked = Outcome.answered(Answer(json: Array("{}".utf8), replayed: false, value: nil))
        var kept = StepEvidence()
        kept.replays.append(StepEvidence.Replay(step: 0, first: first, again: reused, recorded: true, decidedOnArrival: true,
                                                heldByAnother: true))
        #expect(try !center.broken(evidence: kept).contains("idempotency.same_answer"))
        var broken = StepEvidence()
        broken.replays.append(StepEvidence.Replay(step: 0, first: first, again: booked, recorded: true, decidedOnArrival: true,
                                                  heldByAnother: true))
        #expect(try center.broken(evidence: broken).contains("idempotency.same_answer"))
    }

    @Test func aWriteLostInADeathIsCaught() async throws {
        let center = try await PlantedCenter()
        _ = try await center.register()
        let before = try center.images()
        try center.plant("DELETE FROM penalties")
        try center.plant("UPDATE registrations SET contact = 'lost'")
        var evidence = StepEvidence()
        evidence.deaths.append(StepEvidence.Death(before: before, after: try center.images()))
        #expect(try center.broken(evidence: evidence).contains("durability.acknowledged_writes_survive"))
    }

    @Test func aRefusalThatLeftAChangeIsCaught() async throws {
        let center = try await PlantedCenter()
        _ = try await center.register()
        try center.plant("UPDATE registrations SET contact = 'left by a refusal'")
        let refused = Outcome.refused(Refused(code: "renewal_not_open", message: "", details: [:]))
        #expect(try center.broken(outcome: refused).contains("refusals.leave_nothing"))
    }

    @Test func aTimerThatWorksAgainWhenRunTwiceIsCaught() async throws {
        let center = try await PlantedCenter()
        _ = try await center.register()
        let first = try center.images()
        try center.plant("UPDATE registrations SET contact = 'changed by the second round'")
        var evidence = StepEvidence()
        evidence.repeats.append(StepEvidence.Repeat(what: "booking.lapse", first: first, second: try center.images()))
        #expect(try center.broken(evidence: evidence).contains("timers.twice_is_once"))
    }

    @Test func aRoadmapTheServiceDoesNotHoldIsCaught() async throws {
        let center = try await PlantedCenter()
        var cancelled = try #require(center.service.roadmap.schedule.item("gym-cooling"))
        cancelled.status = .cancelled
        let text = try JSONCodec.text(of: cancelled).replacingOccurrences(of: "'", with: "''")
        try center.plant("INSERT INTO roadmap_items (id, item, updated_at, updated_by) VALUES ('gym-cooling', '\(text)', 0, 'test')")
        #expect(try center.broken().contains("roadmap.memory_matches_database"))
    }

    @Test func anErrorTheServiceLogsIsCaught() async throws {
        let center = try await PlantedCenter()
        center.service.log.error("refusal not declared by its use case", [("code", "planted")])
        #expect(try center.broken().contains("service.no_error_logged"))
    }
}
