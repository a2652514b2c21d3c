import CalendarValues
import CenterDomain
import CenterService
import Foundation
import JSON

/// `GET /availability` written straight to bytes, identical to what
/// `JSONCodec` (sorted keys, slashes unescaped) writes for
/// `[AvailabilityDay]`.
///
/// Under the opening-day load (bench/booking.sh) the generic encoder was
/// the largest cost of the server after the writer: a facility-month is
/// ~31 days × 3 divisions of small objects, each going through keyed
/// containers. Closure reasons (a few closed days a month) are still
/// encoded by `JSONCodec`, and any string that would need escaping sends
/// the whole document back to `JSONCodec`, so the output cannot differ.
enum AvailabilityJSON {
    static func encode(_ days: [AvailabilityDay]) throws -> [UInt8] {
        var out: [UInt8] = []
        // About what a slot takes asked without a category, so the buffer grows once at most.
        out.reserveCapacity(days.reduce(2) { $0 + 64 + $1.divisions.count * 160 })
        out.append(UInt8(ascii: "["))
        for (index, day) in days.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard try write(day, into: &out) else { return try JSONCodec.encode(days) }
        }
        out.append(UInt8(ascii: "]"))
        return out
    }


    /// Keys in sorted order: date, divisions, open, reasons.
    private static func write(_ day: AvailabilityDay, into out: inout [UInt8]) throws -> Bool {
        literal(#"{"date":"#, into: &out)
        date(day.date, into: &out)
        literal(#","divisions":["#, into: &out)
        for (index, slot) in day.divisions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard write(slot, into: &out) else { return false }
        }
        literal(#"],"open":"#, into: &out)
        literal(day.open ? "true" : "false", into: &out)
        literal(#","reasons":"#, into: &out)
        if day.reasons.isEmpty {
            literal("[]", into: &out)
        } else {
            out.append(contentsOf: try JSONCodec.encode(day.reasons))
        }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// Keys in sorted order: bookable_by, booking, division, opens,
    /// opens_by_category, own, release_date, status; absent optionals are
    /// left out, as the synthesized `encode` does.
    private static func write(_ slot: AvailabilitySlot, into out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "{"))
        if let categories = slot.bookableBy {
            literal(#""bookable_by":["#, into: &out)
            for (index, category) in categories.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard string(category.rawValue, into: &out) else { return false }
            }
            literal("],", into: &out)
        }
        if let booking = slot.booking {
            literal(#""booking":"#, into: &out)
            out.append(contentsOf: String(booking).utf8)
            out.append(UInt8(ascii: ","))
        }
        literal(#""division":"#, into: &out)
        guard string(slot.division.rawValue, into: &out) else { return false }
        if let opens = slot.opens {
            literal(#","opens":"#, into: &out)
            date(opens, into: &out)
        }
        if let openings = slot.opensByCategory {
            literal(#","opens_by_category":["#, into: &out)
            for (index, opening) in openings.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                literal(#"{"at":"#, into: &out)
                date(opening.at, into: &out)
                literal(#","category":"#, into: &out)
                guard string(opening.category.rawValue, into: &out) else { return false }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        if let own = slot.own {
            literal(#","own":"#, into: &out)
            literal(own ? "true" : "false", into: &out)
        }
        if let releaseDate = slot.releaseDate {
            literal(#","release_date":"#, into: &out)
            date(releaseDate, into: &out)
        }
        literal(#","status":"#, into: &out)
        guard string(slot.status.rawValue, into: &out) else { return false }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// Bytes known when the program is built, copied at once.
    private static func literal(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// A quoted date: its ten ASCII bytes never need escaping.
    private static func date(_ date: LocalDate, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        date.appendDescription(to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// A quoted string, or false when it holds a character JSON escapes
    /// (checked over its bytes, then copied at once).
    private static func string(_ text: String, into out: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
    }
}
