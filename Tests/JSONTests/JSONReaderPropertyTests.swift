import JSON
import Testing

/// Properties of the reader over many generated documents (a fixed seed, so
/// a failure replays): what the service writes reads back as the same
/// value, and no mutation of a document makes the reader do anything but
/// return a value or a `JSONSyntaxError`.
@Suite struct JSONReaderPropertyTests {
    /// SplitMix64: small, fast and the same on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let characters: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{7F}", "é", "山", "🇯🇵", "\u{2028}"]

    static func value(_ g: inout Generator, depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<(depth > 4 ? 5 : 7), using: &g) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &g))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &g))
        case 3: return .double(Double.random(in: -1e300...1e300, using: &g))
        case 4: return .string(String((0..<Int.random(in: 0..<8, using: &g)).map { _ in characters.randomElement(using: &g) ?? "a" }))
        case 5: return .array((0..<Int.random(in: 0..<4, using: &g)).map { _ in value(&g, depth: depth + 1) })
        default:
            let keys = Set((0..<Int.random(in: 0..<4, using: &g)).map { _ in "k\(Int.random(in: 0..<10, using: &g))" })
            return .object(keys.sorted().map { ($0, value(&g, depth: depth + 1)) })
        }
    }

    @Test func whatTheServiceWritesReadsBackAsTheSameValue() throws {
        var g = Generator(state: 1)
        for _ in 0..<2_000 {
            let original = Self.value(&g)
            #expect(try JSONReader.parse(original.serialized()) == original)
        }
    }

    @Test func aMutatedDocumentIsAValueOrASyntaxError() {
        var g = Generator(state: 2)
        let alphabet = Array(#"{}[]",:\-+.eE0123456789tfnul "#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        for _ in 0..<5_000 {
            var bytes = Self.value(&g).serialized()
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &g)
                switch Int.random(in: 0..<3, using: &g) {
                case 0 where !bytes.isEmpty: bytes.remove(at: position)
                case 1: bytes.insert(alphabet.randomElement(using: &g) ?? 0, at: position)
                default: if !bytes.isEmpty { bytes[position] = alphabet.randomElement(using: &g) ?? 0 }
                }
            }
            do {
                _ = try JSONReader.parse(bytes)
            } catch {
                #expect(error.line >= 1 && error.offset <= bytes.count)
            }
        }
    }
}
