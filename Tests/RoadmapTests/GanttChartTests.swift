import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Roadmap

/// Parses a document with Foundation's XMLParser and keeps every text run.
private final class XMLCollector: NSObject, XMLParserDelegate {
    var text = ""
    var elements: [String] = []
    var rootAttributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        if elements.isEmpty { rootAttributes = attributes }
        elements.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    static func parse(_ svg: String) -> XMLCollector? {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

private let today = day("2026-11-25")

@Test func chartParsesAsXML() throws {
    let svg = GanttChart.svg(schedule: try realSchedule(), today: today)
    let parsed = try #require(XMLCollector.parse(svg))
    #expect(parsed.elements.first == "svg")
    #expect(parsed.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(parsed.rootAttributes["viewBox"] != nil && parsed.rootAttributes["width"] != nil)
}

@Test func chartContainsEveryItemTitleAndID() throws {
    let real = try realSchedule()
    let svg = GanttChart.svg(schedule: real, today: today)
    let parsed = try #require(XMLCollector.parse(svg))
    for item in real.items {
        #expect(parsed.text.contains(item.titleJa), "\(item.id)")
        #expect(svg.contains("id=\"item-\(item.id)\""), "\(item.id)")
    }
}

@Test func chartLabelsFiscalYearsInReiwa() throws {
    let svg = GanttChart.svg(schedule: try realSchedule(), today: today)
    #expect(svg.contains("令和7年度 (2025)"))
    #expect(svg.contains("令和12年度 (2030)"))
}

@Test func chartDrawsTodayAndTheManagerTerms() throws {
    let svg = GanttChart.svg(schedule: try realSchedule(), today: today)
    #expect(svg.contains("今日 2026-11-25"))
    #expect(svg.contains("id=\"manager-term-fy2025\""))
    #expect(svg.contains("新・指定管理者❶"))
    #expect(!svg.contains("id=\"manager-term-2\""))
}

@Test func chartColoursBarsByEffectiveStatus() throws {
    let svg = GanttChart.svg(schedule: try realSchedule(), today: today)
    #expect(svg.contains("id=\"item-wifi\" data-status=\"done\""))
    #expect(svg.contains("id=\"item-gym-cooling\" data-status=\"not_started\""))
}

@Test func chartEscapesMarkupInTitles() throws {
    var odd = item("odd", "2025-06", "2025-09")
    odd.titleJa = #"会議室 <A&B> "大" 'ホール'"#
    let svg = GanttChart.svg(schedule: schedule([odd]), today: today)
    let parsed = try #require(XMLCollector.parse(svg))
    #expect(parsed.text.contains(#"会議室 <A&B> "大" 'ホール'"#))
    #expect(svg.contains("&lt;A&amp;B&gt;"))
}

@Test func chartUsesAJapaneseFont() throws {
    let svg = GanttChart.svg(schedule: try realSchedule(), today: today)
    #expect(svg.contains("font-family=\"Noto Sans CJK JP"))
}
