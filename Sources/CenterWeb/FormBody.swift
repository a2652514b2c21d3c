/// A submitted form, `application/x-www-form-urlencoded` (URL Standard §5):
/// `name=value` pairs joined by `&`, `+` for a space, percent-encoded UTF-8.
/// A field given twice (but a `repeatable` one), bytes that are not UTF-8 or a body over 16 KiB
/// make the form unreadable (nil): our pages never send such a thing.
struct FormBody {
    static let maximumBytes = 16 * 1024

    private var fields: [String: String] = [:]
    /// Fields a form may give more than once (checkboxes): every value, in order.
    static let repeatable: Set<String> = ["slot", "division", "weekday", "closure_facility", "whole_booking"]
    private var repeated: [String: [String]] = [:]

    init?(_ body: [UInt8]) {
        guard body.count <= Self.maximumBytes else { return nil }
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : []) else { return nil }
            if Self.repeatable.contains(name) {
                repeated[name, default: []].append(value)
                continue
            }
            guard fields[name] == nil else { return nil }
            fields[name] = value
        }
    }

    /// The field's value; nil when the form has no such field.
    subscript(name: String) -> String? { fields[name] }

    /// Every value of a repeatable field (`repeatable`).
    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
