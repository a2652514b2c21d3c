import CalendarValues
import CenterDomain
import Testing
@testable import CenterAPI

/// RFC 5545 feeds and RFC 4180 CSV, byte for byte.
struct ICalendarWriterTests {
    @Test func linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        let line = "SUMMARY:" + String(repeating: "会議室", count: 20)
        let folded = ICalendarWriter.fold(line)
        let physical = String(decoding: folded, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded = physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined()
        #expect(unfolded == line)
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func localTimesAreWrittenInJapan() {
        #expect(ICalendarWriter.local(LocalDate(year: 2026, month: 7, day: 1)!, 18 * 60) == "20260701T180000")
    }

    @Test func stampsAreWrittenInUTC() {
        let instant = Instant(japanDate: LocalDate(year: 2026, month: 7, day: 1)!, minuteOfDay: 9 * 60)
        #expect(ICalendarWriter.utc(instant) == "20260701T000000Z")
    }

    @Test func feedHasTimezoneEventsAndCRLFLines() {
        var writer = ICalendarWriter(name: "多目的ホール")
        let stamp = Instant(secondsSinceEpoch: 1_790_000_000)
        writer.add(.init(uid: "booking-7@nakano-center", date: LocalDate(year: 2026, month: 7, day: 1)!, startMinute: 540,
                         endMinute: 720, summary: "予約済み", status: .cancelled, sequence: 1, lastModified: stamp), stamp: stamp)
        let text = String(decoding: writer.bytes(), as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"))
        #expect(text.contains("DTSTART;TZID=Asia/Tokyo:20260701T090000\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}

struct CSVWriterTests {
    @Test func fileStartsWithAUTF8ByteOrderMark() {
        #expect(Array(CSVWriter(header: ["施設"]).bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func fieldsWithCommasQuotesOrNewlinesAreQuoted() {
        var csv = CSVWriter(header: ["a", "b"])
        csv.row(["x,y", "say \"hi\"\nbye"])
        let text = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\nbye\"\r\n")
    }
}
