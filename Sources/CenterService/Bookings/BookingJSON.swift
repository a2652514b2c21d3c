import CalendarValues
import CenterDomain
import JSON

/// A booking's JSON written straight to bytes: the same bytes `JSONCodec`
/// writes for a `Booking` (keys sorted, slashes and UTF-8 unescaped, absent
/// optionals left out), with the fee spliced in as the JSON it was stored
/// as (`fee_breakdown`, written by `JSONCodec` from a `BookingFee`), so a
/// booking read back for its audit line and its answer is neither decoded
/// nor re-encoded. `BookingJSONTests` holds it to `JSONCodec` byte for byte.
///
/// It escapes `"` and `\` as `JSONCodec` does; a string holding any other
/// character JSON writers may escape (a control character, DEL, U+2028,
/// U+2029; the text rules refuse them, but the audit log keeps what older
/// versions stored) makes it give up (nil), and the caller encodes with
/// `JSONCodec`, so the output cannot differ.
///
/// The id is written last-but-not-least, where its key sorts: `Template`
/// holds the bytes before and after it, so a booking's JSON can be written
/// before its insert returns the id, outside the write transaction.
enum BookingJSON {
    /// The bytes of a booking's JSON around its id.
    struct Template: Sendable {
        let head: [UInt8]
        let tail: [UInt8]

        /// The booking's JSON with `id`.
        func json(id: Int64) -> [UInt8] {
            var out = head
            out.reserveCapacity(head.count + 20 + tail.count)
            BookingJSON.integer(id, into: &out)
            out += tail
            return out
        }
    }

    /// The JSON of `booking` with `fee` as the fee's JSON; nil when a string
    /// would need an escape this writer leaves to `JSONCodec`.
    static func encode(_ booking: BookingRow, fee: [UInt8]) -> [UInt8]? {
        template(booking, fee: fee)?.json(id: booking.id)
    }

    /// `booking`'s JSON around its id (whatever `booking.id` holds).
    static func template(_ b: BookingRow, fee: [UInt8]) -> Template? {
        var out: [UInt8] = []
        out.reserveCapacity(640 + fee.count + b.purpose.utf8.count)
        out += #"{"admission_charged":"#.utf8
        integer(Int64(b.admissionCharged), into: &out)
        out += #","attendees":"#.utf8
        integer(Int64(b.attendees), into: &out)
        if let reason = b.cancelReason {
            out += #","cancel_reason":"#.utf8
            guard string(reason, into: &out) else { return nil }
        }
        if let at = b.cancelledAt {
            out += #","cancelled_at":"#.utf8
            instant(at, into: &out)
        }
        if let by = b.cancelledBy {
            out += #","cancelled_by":"#.utf8
            guard string(by, into: &out) else { return nil }
        }
        if let cancelled = b.cancelledDays {
            out += #","cancelled_days":["#.utf8
            for (index, day) in cancelled.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                date(day, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += #","category":"#.utf8
        guard string(b.category.rawValue, into: &out) else { return nil }
        if let at = b.checkedInAt {
            out += #","checked_in_at":"#.utf8
            instant(at, into: &out)
        }
        out += #","commercial":"#.utf8
        out += (b.commercial ? "true" : "false").utf8
        if let approval = b.couplingApproval {
            out += #","coupling_approval":{"approved_at":"#.utf8
            instant(approval.approvedAt, into: &out)
            out += #","approved_by":"#.utf8
            guard string(approval.approvedBy, into: &out) else { return nil }
            out += #","reason":"#.utf8
            guard string(approval.reason, into: &out) else { return nil }
            out.append(UInt8(ascii: "}"))
        }
        out += #","created_at":"#.utf8
        instant(b.createdAt, into: &out)
        out += #","created_by":"#.utf8
        guard string(b.createdBy, into: &out) else { return nil }
        out += #","divisions":["#.utf8
        for (index, division) in b.divisions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard string(division.rawValue, into: &out) else { return nil }
        }
        out += #"],"facility":"#.utf8
        guard string(b.facility.rawValue, into: &out) else { return nil }
        out += #","fee":"#.utf8
        out += fee
        out += #","fee_total":"#.utf8
        integer(Int64(b.feeTotal), into: &out)
        out += #","first_date":"#.utf8
        date(b.firstDate, into: &out)
        if let guardian = b.guardian {
            out += #","guardian":"#.utf8
            guard string(guardian, into: &out) else { return nil }
        }
        if let hours = b.hours {
            out += #","hours":{"from":"#.utf8
            guard string(hours.from.description, into: &out) else { return nil }
            out += #","to":"#.utf8
            guard string(hours.to.description, into: &out) else { return nil }
            out.append(UInt8(ascii: "}"))
        }
        out += #","id":"#.utf8
        let head = out
        out = []
        out.reserveCapacity(320 + b.purpose.utf8.count)
        out += #","last_date":"#.utf8
        date(b.lastDate, into: &out)
        out += #","out_of_ward":"#.utf8
        out += (b.outOfWard ? "true" : "false").utf8
        if let at = b.paidAt {
            out += #","paid_at":"#.utf8
            instant(at, into: &out)
        }
        out += #","payment_deadline":"#.utf8
        instant(b.paymentDeadline, into: &out)
        out += #","purpose":"#.utf8
        guard string(b.purpose, into: &out) else { return nil }
        if let refund = b.refund {
            out += #","refund":{"amount":"#.utf8
            integer(Int64(refund.amount), into: &out)
            out += #","percent":"#.utf8
            integer(Int64(refund.percent), into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #","registration":"#.utf8
        integer(b.registration, into: &out)
        if let series = b.series {
            out += #","series":"#.utf8
            integer(series, into: &out)
        }
        out += #","source":"#.utf8
        guard string(b.source.rawValue, into: &out) else { return nil }
        out += #","state":"#.utf8
        guard string(b.state.rawValue, into: &out) else { return nil }
        out.append(UInt8(ascii: "}"))
        return Template(head: head, tail: out)
    }

    /// The JSON of a booking's fee (the `fee_breakdown` column and the
    /// booking's `fee`), the same bytes as `JSONCodec` writes; nil when a
    /// string needs an escape this writer leaves to `JSONCodec`, or a
    /// multiplier is not a plain decimal.
    static func fee(_ fee: BookingFee) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out += #"{"days":"#.utf8
        integer(Int64(fee.days), into: &out)
        let day = fee.perDay
        out += #","per_day":{"exemptions":["#.utf8
        for (index, exemption) in day.exemptions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"amount":"#.utf8
            integer(Int64(exemption.amount), into: &out)
            out += #","code":"#.utf8
            guard string(exemption.code, into: &out) else { return nil }
            out += #","label":"#.utf8
            guard string(exemption.label, into: &out) else { return nil }
            out += #","percent":"#.utf8
            integer(Int64(exemption.percent), into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"gap_hours_free":["#.utf8
        for (index, gap) in day.gapHoursFree.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"from":"#.utf8
            guard string(gap.from, into: &out) else { return nil }
            out += #","minutes":"#.utf8
            integer(Int64(gap.minutes), into: &out)
            out += #","to":"#.utf8
            guard string(gap.to, into: &out) else { return nil }
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"lines":["#.utf8
        for (index, line) in day.lines.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"amount":"#.utf8
            integer(Int64(line.amount), into: &out)
            out += #","base":"#.utf8
            integer(Int64(line.base), into: &out)
            if let division = line.division {
                out += #","division":"#.utf8
                guard string(division.rawValue, into: &out) else { return nil }
            }
            out += #","kind":"#.utf8
            guard string(line.kind, into: &out) else { return nil }
            out += #","label":"#.utf8
            guard string(line.label, into: &out) else { return nil }
            out += #","multipliers":["#.utf8
            for (index, code) in line.multipliers.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard string(code, into: &out) else { return nil }
            }
            out += "]}".utf8
        }
        out += #"],"rounding":"#.utf8
        integer(Int64(day.rounding), into: &out)
        out += #","subtotal":"#.utf8
        integer(Int64(day.subtotal), into: &out)
        out += #","surcharges":["#.utf8
        for (index, surcharge) in day.surcharges.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"code":"#.utf8
            guard string(surcharge.code, into: &out) else { return nil }
            out += #","label":"#.utf8
            guard string(surcharge.label, into: &out) else { return nil }
            out += #","multiplier":"#.utf8
            guard decimal(surcharge.multiplier, into: &out) else { return nil }
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"total":"#.utf8
        integer(Int64(day.total), into: &out)
        out += #"},"total":"#.utf8
        integer(Int64(fee.total), into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A finite double as `JSONCodec` writes it: its shortest decimal form,
    /// without a trailing `.0` (`1.2`, `2`); false for an exponent form.
    static func decimal(_ value: Double, into out: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        var text = value.description
        guard !text.contains("e") else { return false }
        if text.hasSuffix(".0") { text.removeLast(2) }
        out += text.utf8
        return true
    }

    /// A quoted string with `"` and `\` escaped; false (nothing written that
    /// matters, the caller gives up) for any byte below 0x20, DEL, or U+2028
    /// and U+2029 (E2 80 A8/A9).
    static func string(_ text: String, into out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "\""))
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20, 0x7F:
                return false
            case 0xA8...0xA9 where previous == (0xE2, 0x80):
                return false
            default:
                out.append(byte)
            }
            previous = (previous.1, byte)
        }
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// A decimal integer (`String(Int64)` is a small string: no allocation).
    static func integer(_ value: Int64, into out: inout [UInt8]) {
        out += String(value).utf8
    }

    /// `"YYYY-MM-DD"`.
    static func date(_ date: LocalDate, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out += date.description.utf8
        out.append(UInt8(ascii: "\""))
    }

    /// `"YYYY-MM-DDTHH:MM:SS+09:00"`, as `Instant` encodes itself.
    static func instant(_ instant: Instant, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out += instant.rfc3339.utf8
        out.append(UInt8(ascii: "\""))
    }
}
