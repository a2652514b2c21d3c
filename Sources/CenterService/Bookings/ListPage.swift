import CalendarValues
import CenterDomain

/// One page of a list (`GET /bookings`, `GET /desk-passes`): at most the
/// limit asked, in the list's order, and the cursor of the next page when
/// more follow (docs/API.md "Lists and paging").
public struct ListPage<Item: Sendable>: Sendable {
    public let items: [Item]
    /// Where the next page starts, nil on the last page.
    public let next: PageCursor?
}

/// Where a page of a list starts: the sort keys of the last item of the
/// page before, written `2026-12-01~42` (the keys joined by `~`). Opaque to
/// clients, which send back what they were given.
public struct PageCursor: Sendable, Hashable, CustomStringConvertible {
    let keys: [String]

    init(_ keys: [String]) { self.keys = keys }

    /// A cursor as a client sent it back; nil when it is not one (no key
    /// empty, at most 8 keys of at most 64 characters of `[A-Za-z0-9_.:-]`).
    public init?(text: String) {
        let keys = text.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        guard (1...8).contains(keys.count), keys.allSatisfy({ key in
            (1...64).contains(key.utf8.count) && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x3A || byte == 0x5F
            }
        }) else { return nil }
        self.keys = keys
    }

    public var description: String { keys.joined(separator: "~") }
}

/// What `GET /bookings` narrows to: bookings in use on some day of
/// `from`…`to` (either end open), of a facility, of a registration, in one
/// of `states` (empty: any), by first day of use then id, `limit` at a time
/// after `after`.
public struct BookingFilter: Sendable, Hashable {
    public var from: LocalDate?
    public var to: LocalDate?
    public var facility: FacilityID?
    public var registration: Int64?
    public var states: [BookingState]
    public var limit: Int
    public var after: PageCursor?

    /// The most a page holds, and what it holds when no limit is asked.
    public static let maximumLimit = 500

    public init(from: LocalDate? = nil, to: LocalDate? = nil, facility: FacilityID? = nil, registration: Int64? = nil,
                states: [BookingState] = [], limit: Int = maximumLimit, after: PageCursor? = nil) {
        self.from = from
        self.to = to
        self.facility = facility
        self.registration = registration
        self.states = states
        self.limit = limit
        self.after = after
    }
}

/// What `GET /desk-passes` narrows to: passes dated `from`…`to`, of a
/// registration, of a desk, in one of `states`, by date, start, desk and id,
/// `limit` at a time after `after`.
public struct DeskPassFilter: Sendable, Hashable {
    public var from: LocalDate?
    public var to: LocalDate?
    public var registration: Int64?
    public var desk: FacilityID?
    public var states: [DeskPassState]
    public var limit: Int
    public var after: PageCursor?

    public init(from: LocalDate? = nil, to: LocalDate? = nil, registration: Int64? = nil, desk: FacilityID? = nil,
                states: [DeskPassState] = [], limit: Int = BookingFilter.maximumLimit, after: PageCursor? = nil) {
        self.from = from
        self.to = to
        self.registration = registration
        self.desk = desk
        self.states = states
        self.limit = limit
        self.after = after
    }
}

extension BookingFilter {
    /// The cursor `text` of a bookings page (`<first date>~<id>`), nil when it is not one.
    public static func cursor(_ text: String) -> PageCursor? {
        guard let cursor = PageCursor(text: text), cursor.keys.count == 2, LocalDate(cursor.keys[0]) != nil,
              let id = Int64(cursor.keys[1]), id > 0 else { return nil }
        return cursor
    }
}

extension DeskPassFilter {
    /// The cursor `text` of a desk-pass page (`<date>~<start>~<desk>~<id>`,
    /// the start in epoch seconds), nil when it is not one.
    public static func cursor(_ text: String) -> PageCursor? {
        guard let cursor = PageCursor(text: text), cursor.keys.count == 4, LocalDate(cursor.keys[0]) != nil,
              Int64(cursor.keys[1]) != nil, let id = Int64(cursor.keys[3]), id > 0 else { return nil }
        return cursor
    }
}
