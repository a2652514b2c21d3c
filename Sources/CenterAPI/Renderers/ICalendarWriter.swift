import CalendarValues
import CenterDomain

/// Writes iCalendar (RFC 5545) feeds: CRLF line endings, text values escaped
/// (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character
/// (§3.1), local times with a VTIMEZONE for Asia/Tokyo (UTC+9, no DST).
public struct ICalendarWriter {
    /// One event (VEVENT).
    public struct Event: Sendable {
        public enum Status: String, Sendable { case tentative = "TENTATIVE", confirmed = "CONFIRMED", cancelled = "CANCELLED" }

        /// Globally unique and stable across feeds and edits.
        public let uid: String
        public let date: LocalDate
        public let startMinute: Int
        public let endMinute: Int
        public let summary: String
        public let location: String?
        public let description: String?
        public let status: Status
        /// Bumped whenever the event changes (a cancellation, say).
        public let sequence: Int
        public let lastModified: Instant
        /// A whole day (`DTSTART;VALUE=DATE`, RFC 5545 §3.6.1): a locker
        /// lease's first or last day; the minutes are then ignored.
        public let allDay: Bool

        public init(uid: String, date: LocalDate, startMinute: Int, endMinute: Int, summary: String, location: String? = nil,
                    description: String? = nil, status: Status, sequence: Int, lastModified: Instant, allDay: Bool = false) {
            self.uid = uid
            self.date = date
            self.startMinute = startMinute
            self.endMinute = endMinute
            self.summary = summary
            self.location = location
            self.description = description
            self.status = status
            self.sequence = sequence
            self.lastModified = lastModified
            self.allDay = allDay
        }
    }

    private var lines: [String] = []

    /// Starts a calendar named `name`, stamped at `now`.
    public init(name: String) {
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Nakano Ward Industry Promotion Center//Bookings//JA",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:Asia/Tokyo",
                 "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                 "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE"]
    }

    public mutating func add(_ event: Event, stamp: Instant) {
        lines.append("BEGIN:VEVENT")
        lines.append("UID:" + Self.escape(event.uid))
        lines.append("DTSTAMP:" + Self.utc(stamp))
        if event.allDay {
            lines.append("DTSTART;VALUE=DATE:" + Self.day(event.date))
            lines.append("DTEND;VALUE=DATE:" + Self.day(event.date.adding(days: 1)))
        } else {
            lines.append("DTSTART;TZID=Asia/Tokyo:" + Self.local(event.date, event.startMinute))
            lines.append("DTEND;TZID=Asia/Tokyo:" + Self.local(event.date, event.endMinute))
        }
        lines.append("SUMMARY:" + Self.escape(event.summary))
        if let location = event.location { lines.append("LOCATION:" + Self.escape(location)) }
        if let description = event.description { lines.append("DESCRIPTION:" + Self.escape(description)) }
        lines.append("STATUS:" + event.status.rawValue)
        lines.append("SEQUENCE:\(event.sequence)")
        lines.append("LAST-MODIFIED:" + Self.utc(event.lastModified))
        lines.append("END:VEVENT")
    }

    /// The finished feed as UTF-8 bytes.
    public func bytes() -> [UInt8] {
        var out = [UInt8]()
        for line in lines + ["END:VCALENDAR"] { out += Self.fold(line) }
        return out
    }

    /// TEXT escaping (§3.3.11): backslash, semicolon, comma, newline.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (§3.1): CRLF then one space, never
    /// inside a UTF-8 sequence.
    static func fold(_ line: String) -> [UInt8] {
        var out = [UInt8]()
        var width = 0
        for scalar in line.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if width + encoded.count > 75 {
                out += [13, 10, 32]
                width = 1
            }
            out += encoded
            width += encoded.count
        }
        return out + [13, 10]
    }

    /// `20260701`.
    static func day(_ date: LocalDate) -> String {
        LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2)
    }

    /// `20260701T090000` in Japan.
    static func local(_ date: LocalDate, _ minuteOfDay: Int) -> String {
        var day = date, minute = minuteOfDay
        if minute >= 1440 { day = day.adding(days: 1); minute -= 1440 }
        return LocalDate.pad(day.year, 4) + LocalDate.pad(day.month, 2) + LocalDate.pad(day.day, 2) + "T"
            + LocalDate.pad(minute / 60, 2) + LocalDate.pad(minute % 60, 2) + "00"
    }

    /// `20260701T000000Z`.
    static func utc(_ instant: Instant) -> String {
        let s = instant.secondsSinceEpoch
        let days = Int(s >= 0 ? s / 86_400 : (s - 86_399) / 86_400)
        let second = Int(s - Int64(days) * 86_400)
        let date = LocalDate(daysSinceEpoch: days)
        return LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2) + "T"
            + LocalDate.pad(second / 3600, 2) + LocalDate.pad(second / 60 % 60, 2) + LocalDate.pad(second % 60, 2) + "Z"
    }
}
