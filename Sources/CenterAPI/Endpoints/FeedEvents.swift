import CalendarValues
import CenterDomain
import CenterService

/// Room bookings as iCalendar events: one event per booking, day of use and
/// run of consecutive divisions (午前+午後 is 09:00–17:00, the free gap hour
/// included; 午前+夜間 are two events). UIDs name the booking's random feed id
/// (never its sequential id, which would let anyone count bookings and guess
/// ids), the date and the run's first division; none of them ever changes (a
/// date change is a new booking), so calendar clients update events in place.
struct FeedEvents {
    /// Whose feed: the public one shows no personal data at all.
    enum Audience { case publicFeed, owner }

    let center: CenterConfiguration
    let audience: Audience

    func events(of booking: Booking) -> [ICalendarWriter.Event] {
        let facility = center.facility(booking.facility)
        let room = facility?.nameJa ?? booking.facility.rawValue
        let cancelledDays = booking.cancelledDays ?? []
        // A room let by the hour: one event per date for its hours.
        let spans: [(first: String, label: String, start: Int, end: Int)] = if let hours = booking.hours {
            [(booking.divisions.first?.rawValue ?? "hours", "\(hours.from)–\(hours.to)", hours.from.minuteOfDay, hours.to.minuteOfDay)]
        } else {
            Self.runs(of: booking.divisions, in: center.divisions).map { run in
                (run[0].id.rawValue, run.map(\.nameJa).joined(separator: "・"), Self.minutes(run[0].start),
                 Self.minutes(run[run.count - 1].end))
            }
        }
        return booking.allDates.flatMap { date in
            spans.map { span in
                ICalendarWriter.Event(
                    uid: "booking-\(booking.feedID)-\(date)-\(span.first)@nakano-center",
                    date: date, startMinute: span.start, endMinute: span.end,
                    summary: summary(booking, room: room, divisions: span.label),
                    location: "中野区産業振興センター " + room,
                    description: description(booking, divisions: span.label),
                    status: cancelledDays.contains(date) ? .cancelled : Self.status(of: booking.state),
                    sequence: Self.sequence(of: booking) + (cancelledDays.contains(date) ? 1 : 0),
                    lastModified: Self.lastModified(of: booking))
            }
        }
    }

    private func summary(_ booking: Booking, room: String, divisions: String) -> String {
        switch audience {
        case .publicFeed: "予約済み / Booked（\(divisions)）"
        case .owner: "\(booking.purpose)（\(room) \(divisions)）"
        }
    }

    private func description(_ booking: Booking, divisions: String) -> String? {
        switch audience {
        case .publicFeed: nil
        case .owner: "予約番号 \(booking.id) / \(divisions) / 状態 \(booking.state.japaneseName) / 使用料 \(Yen.label(booking.feeTotal))"
        }
    }

    /// A desk pass as one event over its divisions (a `day` pass 09:00–22:00).
    func events(of pass: DeskPass) -> [ICalendarWriter.Event] {
        let run = center.divisions.filter { pass.units.contains($0.id) }
        guard let first = run.first, let last = run.last else { return [] }
        let names = run.map(\.nameJa).joined(separator: "・")
        let status: ICalendarWriter.Event.Status = switch pass.state {
        case .booked, .checkedIn, .noShow: .confirmed
        case .cancelled: .cancelled
        }
        let stamps = [pass.createdAt, pass.checkedInAt, pass.cancelledAt, pass.releasedAt].compactMap { $0 }
        return [ICalendarWriter.Event(
            uid: "desk-pass-\(pass.id)@nakano-center", date: pass.date, startMinute: Self.minutes(first.start),
            endMinute: Self.minutes(last.end), summary: "フリーデスク \(pass.desk.rawValue)（\(names)）",
            location: "中野区産業振興センター フリーデスク",
            description: "利用番号 \(pass.id) / \(names) / 状態 \(pass.state.japaneseName) / チェックイン期限 \(Self.clock(pass.checkInDeadline))",
            status: status, sequence: stamps.count - 1, lastModified: stamps.max() ?? pass.createdAt)]
    }

    /// A locker lease's term as two all-day events, its first and last day
    /// (利用開始日, 契約満了日), and a founder's corporate-number due date.
    func events(of lease: LockerLease) -> [ICalendarWriter.Event] {
        let status: ICalendarWriter.Event.Status = lease.state == .cancelled ? .cancelled : .confirmed
        let sequence = lease.months / 12 + (lease.state == .active ? 0 : 1)
        let last = lease.endedOn ?? lease.endDate
        var events = [
            ICalendarWriter.Event(uid: "locker-lease-\(lease.id)-start@nakano-center", date: lease.startDate, startMinute: 0,
                                  endMinute: 0, summary: "モバイルロッカー \(lease.locker.rawValue) 利用開始",
                                  location: "中野区産業振興センター モバイルロッカー",
                                  description: "契約番号 \(lease.id) / \(lease.months)か月 / 状態 \(lease.state.japaneseName)",
                                  status: status, sequence: sequence, lastModified: lease.updatedAt, allDay: true),
            ICalendarWriter.Event(uid: "locker-lease-\(lease.id)-end@nakano-center", date: last, startMinute: 0, endMinute: 0,
                                  summary: "モバイルロッカー \(lease.locker.rawValue) \(lease.endedOn == nil ? "契約満了日" : "契約終了日")",
                                  location: "中野区産業振興センター モバイルロッカー",
                                  description: "契約番号 \(lease.id) / 満了日 \(lease.endDate.japaneseReceiptLabel) / 状態 \(lease.state.japaneseName)",
                                  status: status, sequence: sequence, lastModified: lease.updatedAt, allDay: true),
        ]
        if lease.founder, lease.corporateNumber == nil, let due = lease.corporateNumberDue {
            events.append(ICalendarWriter.Event(
                uid: "locker-lease-\(lease.id)-corporate-number@nakano-center", date: due, startMinute: 0, endMinute: 0,
                summary: "モバイルロッカー \(lease.locker.rawValue) 法人番号の提出期限", location: "中野区産業振興センター",
                description: "契約番号 \(lease.id)", status: status, sequence: sequence, lastModified: lease.updatedAt,
                allDay: true))
        }
        return events
    }

    /// `HH:MM` of an instant in Japan.
    static func clock(_ instant: Instant) -> String {
        let minute = instant.japanSecondOfDay / 60
        return LocalDate.pad(minute / 60, 2) + ":" + LocalDate.pad(minute % 60, 2)
    }

    /// 仮予約 is tentative; paid, checked-in, done and no-show bookings held
    /// the room; lapsed and cancelled ones are cancelled.
    static func status(of state: BookingState) -> ICalendarWriter.Event.Status {
        switch state {
        case .provisional: .tentative
        case .paid, .checkedIn, .done, .noShow: .confirmed
        case .lapsed, .cancelledByUser, .cancelledByCenter: .cancelled
        }
    }

    /// One more for every change since booking (RFC 5545 §3.8.7.4): payment,
    /// check-in, cancellation, and the timers' lapse, done and no-show.
    static func sequence(of booking: Booking) -> Int {
        let stamps = [booking.paidAt, booking.checkedInAt, booking.cancelledAt].compactMap { $0 }.count
        let timer = booking.state == .lapsed || booking.state == .done || booking.state == .noShow ? 1 : 0
        return stamps + timer
    }

    static func lastModified(of booking: Booking) -> Instant {
        [booking.createdAt, booking.paidAt, booking.checkedInAt, booking.cancelledAt].compactMap { $0 }
            .max() ?? booking.createdAt
    }

    /// The booked divisions grouped into runs adjacent in the day's order.
    static func runs(of booked: [DivisionID], in day: [Division]) -> [[Division]] {
        let indices = booked.compactMap { id in day.firstIndex { $0.id == id } }.sorted()
        var runs: [[Division]] = []
        var previous: Int?
        for index in indices {
            if let previous, index == previous + 1 { runs[runs.count - 1].append(day[index]) } else { runs.append([day[index]]) }
            previous = index
        }
        return runs
    }

    /// `HH:MM` as minutes after midnight.
    static func minutes(_ time: String) -> Int {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : 0
    }
}
