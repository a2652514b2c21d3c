import CalendarValues
import CenterDomain
import JSON
internal import Store

/// Takes a booking inside one write transaction (受付): every rule is checked
/// against the rows of that same transaction and the booking is inserted
/// before it ends, so no other write can slip between check and insert. The
/// checks run in the order of docs/API.md "The checks of a booking", each
/// refusing with its code.
struct BookingDesk {
    let center: CenterConfiguration
    let calendar: CenterCalendar
    let db: Database
    let now: Instant
    /// How the booking comes: a request, a lottery win, a waiting-list offer, a series date.
    var origin: BookingOrigin = .request

    /// Takes the booking, or refuses with the first rule it breaks; the
    /// booking comes back encoded once, for its audit line and its answer.
    func book(_ request: BookingRequest, actor: Actor) throws -> Encoded<Booking> {
        let today = now.japanDate
        try request.checkWellFormed()
        let facility = try bookableRoom(request.facility)
        let dates = request.dates
        let divisions = try units(of: request, in: facility)
        let first = dates[0], last = dates[dates.count - 1]
        let months = Array(Set(dates.map(\.yearMonth))).sorted()

        let record = try RegistrationStanding.load(db, id: request.registration)
        try record.registration.checkCanBook(today: today)
        try record.registration.checkValid(on: dates)

        let days = try BookableCalendar.load(db, calendar: calendar, from: first.firstOfMonth, to: last.lastOfMonth)
        if let closed = dates.first(where: { days.isClosed($0, facility: facility.id) }) {
            throw days.closedError(on: closed, facility: facility.id)
        }

        guard let window = center.window(for: record.category) else {
            throw Refusal(BookingRequestCode.categoryNotPermitted, "The \(record.category.rawValue) category books no rooms.",
                          details: ["category": record.category.rawValue, "kind": facility.kind.rawValue])
        }
        for date in dates {
            let opens = window.opens?.opening.opening(for: date, in: calendar) ?? date
            try window.check(kind: facility.kind, useDate: date, today: today, windowOpens: opens)
        }
        if !origin.isLotteryWin, let round = center.lotteryRound(for: facility.id, category: record.category) {
            for date in dates { try round.checkFirstCome(category: record.category, facility: facility.id, useDate: date, now: now) }
        }

        if dates.contains(today) {
            try DivisionCutoff.checkNotEnded(center.divisions.filter { divisions.contains($0.id) }, on: today, now: now)
        }

        // The run joins this registration's live bookings of the facility on
        // adjacent days, read in this same transaction.
        let consecutive = center.limits.consecutive
        let around = consecutive.neighbourhood(first: first, last: last)
        let held = consecutive.applies(to: record.category)
            ? try BookingLedger.heldDays(db, registration: record.id, facility: facility.id, from: around.from, to: around.to)
            : []
        try consecutive.check(first: first, last: last, category: record.category, heldDays: held) {
            days.isClosed($0, facility: facility.id)
        }

        // slot_taken first by the unique index alone: most refusals on an
        // opening day are this one, and it needs none of the units below.
        for date in dates {
            for division in divisions where try BookingLedger.isLive(db, facility: facility.id, date: date, division: division) {
                throw BookingLedger.slotTaken(facility: facility.id, date: date, division: division)
            }
        }
        try WaitingHold(db: db, rules: center.waitingList, now: now).checkFree(facility: facility.id, dates: dates,
                                                                              divisions: divisions, origin: origin)

        // Units of other facilities near the dates matter only to couplings.
        let couplings = center.couplings(for: facility.id)
        let units = try BookingLedger.liveUnits(db, from: first.firstOfMonth, to: last.lastOfMonth, facility: facility.id,
                                                registration: record.id, near: couplings.isEmpty ? nil : (first, last))
        for date in dates {
            for division in divisions
            where units.contains(where: { $0.facility == facility.id && $0.date == date && $0.division == division }) {
                throw BookingLedger.slotTaken(facility: facility.id, date: date, division: division)
            }
        }

        if let quota = center.quota(for: facility.id) {
            for month in months {
                let inMonth = dates.filter { $0.yearMonth == month }
                guard let useDate = inMonth.first(where: { quota.isProtected(useDate: $0, today: today) }) else { continue }
                let bookable = CommunityQuota.bookableUnits(in: month, divisionsPerDay: facility.unitsPerDay) {
                    days.isClosed($0, facility: facility.id)
                }
                try quota.check(category: record.category, useDate: useDate, today: today, bookableUnits: bookable,
                                nonCommunityUnitsBooked: CommunityQuota.nonCommunityUnits(facility: facility.id, month: month,
                                                                                         bookings: units),
                                requestedUnits: inMonth.count * divisions.count)
            }
        }

        let facilityClass = MonthlyLimit.facilityClass(of: facility)
        for month in months {
            let already = MonthlyLimit.unitsBooked(registration: String(record.id), month: month, facilityClass: facilityClass,
                                                   bookings: units, catalogue: center.catalogue)
            try center.limits.monthly.check(category: record.category, month: month, facilityClass: facilityClass,
                                            alreadyBooked: already,
                                            requested: dates.filter { $0.yearMonth == month }.count * divisions.count)
        }

        let approval = try request.couplingApproval.map { input throws(Refusal<CouplingApproval.Code>) in try input.approval(now: now) }
        if approval != nil, couplings.isEmpty {
            throw Refusal(RoomCoupling.Code.couplingApprovalNotAllowed, "\(facility.id) has no coupling for an approval to lift.",
                          details: ["facility": facility.id.rawValue])
        }
        for coupling in couplings {
            for date in dates {
                try coupling.check(registration: String(record.id), date: date, divisions: divisions, companions: units,
                                   catalogue: center.catalogue, guardian: request.guardian, approval: approval)
            }
        }

        try Capacity.check(attendees: request.attendees, facility: facility)

        let fee = try Self.fee(center: center, facility: facility, divisions: divisions, hours: request.hours, first: first,
                               days: dates.count, category: record.category, inWard: record.inWard,
                               admissionCharged: request.admissionCharged, commercial: request.commercial,
                               exemptions: request.exemptions)
        let deadline = center.payment.deadline(bookedAt: now, useDate: first)
        // The row's id and feed id come back from the insert; everything
        // else is what it was given, so the booking is not read back.
        guard let inserted = try db.queryOne("""
            INSERT INTO bookings (registration_id, category, facility_id, first_date, last_date, divisions, purpose,
                attendees, admission_charged, commercial, out_of_ward, guardian, state, fee_total, fee_breakdown,
                payment_deadline, created_at, created_by, feed_id, source, series_id, coupling_approval)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'provisional', ?, ?, ?, ?, ?, lower(hex(randomblob(16))), ?, ?, ?)
            RETURNING id, feed_id
            """, [.integer(record.id), record.category.sqlValue, facility.id.sqlValue,
                  first.sqlValue, last.sqlValue,
                  .text(divisions.map(\.rawValue).joined(separator: ",")), .text(request.purpose),
                  .integer(Int64(request.attendees)), .integer(Int64(request.admissionCharged)),
                  request.commercial.sqlValue, (!record.inWard).sqlValue, request.guardian.map { .text($0) } ?? .null,
                  .integer(Int64(fee.total)), .text(try JSONCodec.text(of: fee)),
                  deadline.sqlValue, now.sqlValue, .text(actor.auditLabel), .text(origin.source.rawValue),
                  origin.series.map { .integer($0) } ?? .null,
                  try approval.map { .text(try JSONCodec.text(of: $0)) } ?? .null]) else {
            throw StoreError(code: .typeMismatch, resultCode: 20, message: "the booking insert returned no row")
        }
        let id: Int64 = try inserted.get(0)
        try BookingLedger.insertUnits(db, booking: id, facility: facility.id, dates: dates, divisions: divisions,
                                      registration: record.id, community: record.category.isCommunity)
        let booking = try Encoded(Booking(taken: id, feedID: try inserted.get(1), request: request, registration: record,
                                          divisions: divisions, fee: fee, paymentDeadline: deadline, at: now, by: actor.auditLabel,
                                          origin: origin, approval: approval))
        try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "booking.create", entity: "booking",
                            entityID: String(id), after: booking)
        return booking
    }

    /// The fee of `days` days of `divisions` (or of `hours` from `first` on,
    /// for a room let by the hour) of `facility` for a registration of
    /// `category` (使用料, `FeeCalculator`): what a booking records and a
    /// quote (`POST /fees/quote`) answers, by this one path.
    static func fee(center: CenterConfiguration, facility: Facility, divisions: [DivisionID], hours: BookingHours?,
                    first: LocalDate, days: Int, category: UserCategory, inWard: Bool, admissionCharged: Int,
                    commercial: Bool, exemptions: [String]) throws -> BookingFee {
        let perDay = try center.feeCalculator.fee(for: FeeRequest(
            facility: facility, divisions: facility.unit == .hour ? [] : divisions, category: category,
            admissionYen: admissionCharged, commercial: commercial, outOfWard: !inWard, exemptionCodes: exemptions,
            hours: hours.map { $0.on(first) }))
        return BookingFee(days: days, perDay: perDay)
    }

    /// The facility if it is a bookable room, by division (categories 1 and
    /// 2) or by the hour: `facility_not_found` (404) or `facility_not_bookable` (422).
    func bookableRoom(_ id: FacilityID) throws -> Facility {
        guard let facility = center.facility(id) else {
            throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(id).", details: ["facility": id.rawValue])
        }
        let booked = switch facility.unit {
        case .division: !facility.divisions.isEmpty
        case .hour: facility.opening != nil
        }
        guard facility.kind == .room, facility.bookable, booked else {
            throw Refusal(BookableRoomCode.facilityNotBookable, "\(facility.nameEn) is not booked by division or by the hour.",
                          details: ["facility": id.rawValue])
        }
        return facility
    }
}
