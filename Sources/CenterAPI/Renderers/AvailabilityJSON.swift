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
        out.reserveCapacity(days.count * 200)
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
        out.append(contentsOf: #"{"date":"#.utf8)
        guard string(day.date.description, into: &out) else { return false }
        out.append(contentsOf: #","divisions":["#.utf8)
        for (index, slot) in day.divisions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard write(slot, into: &out) else { return false }
        }
        out.append(contentsOf: #"],"open":"#.utf8)
        out.append(contentsOf: (day.open ? "true" : "false").utf8)
        out.append(contentsOf: #","reasons":"#.utf8)
        if day.reasons.isEmpty {
            out.append(contentsOf: "[]".utf8)
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
            out.append(contentsOf: #""bookable_by":["#.utf8)
            for (index, category) in categories.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard string(category.rawValue, into: &out) else { return false }
            }
            out.append(contentsOf: "],".utf8)
        }
        if let booking = slot.booking {
            out.append(contentsOf: #""booking":"#.utf8)
            out.append(contentsOf: String(booking).utf8)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: #""division":"#.utf8)
        guard string(slot.division.rawValue, into: &out) else { return false }
        if let opens = slot.opens {
            out.append(contentsOf: #","opens":"#.utf8)
            guard string(opens.description, into: &out) else { return false }
        }
        if let openings = slot.opensByCategory {
            out.append(contentsOf: #","opens_by_category":["#.utf8)
            for (index, opening) in openings.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"at":"#.utf8)
                guard string(opening.at.description, into: &out) else { return false }
                out.append(contentsOf: #","category":"#.utf8)
                guard string(opening.category.rawValue, into: &out) else { return false }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        if let own = slot.own {
            out.append(contentsOf: #","own":"#.utf8)
            out.append(contentsOf: (own ? "true" : "false").utf8)
        }
        if let releaseDate = slot.releaseDate {
            out.append(contentsOf: #","release_date":"#.utf8)
            guard string(releaseDate.description, into: &out) else { return false }
        }
        out.append(contentsOf: #","status":"#.utf8)
        guard string(slot.status.rawValue, into: &out) else { return false }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// A quoted string, or false when it holds a character JSON escapes.
    private static func string(_ text: String, into out: inout [UInt8]) -> Bool {
        let start = out.count
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else {
                out.removeSubrange(start...)
                return false
            }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
        return true
    }
}
