import CalendarValues
import Testing
@testable import CenterDomain

/// 年度 (地方自治法 第208条) and era labels (令和 from 2019-05-01).
struct FiscalYearTests {
    @Test func fiscalYearRunsAprilToMarch() {
        #expect(FiscalYear(2025).first == date("2025-04-01"))
        #expect(FiscalYear(2025).last == date("2026-03-31"))
    }

    @Test func march31BelongsToPreviousFiscalYear() {
        #expect(FiscalYear(containing: date("2026-03-31")) == FiscalYear(2025))
        #expect(FiscalYear(containing: date("2026-04-01")) == FiscalYear(2026))
        #expect(FiscalYear(containing: date("2026-01-01")) == FiscalYear(2025))
    }

    @Test func containsItsFirstAndLastDayOnly() {
        let fy = FiscalYear(2025)
        #expect(fy.contains(date("2025-04-01")) && fy.contains(date("2026-03-31")))
        #expect(!fy.contains(date("2025-03-31")) && !fy.contains(date("2026-04-01")))
    }

    @Test func leapFebruaryIsInsideFiscalYear() {
        #expect(FiscalYear(containing: date("2028-02-29")) == FiscalYear(2027))
    }

    @Test func fiscalYearLabelUsesReiwa() {
        #expect(FiscalYear(2025).japaneseLabel == "令和7年度")
        #expect(FiscalYear(2030).japaneseLabel == "令和12年度")
    }

    @Test func fiscalYear2019IsReiwaGannen() {
        #expect(FiscalYear(2019).japaneseLabel == "令和元年度")
        #expect(FiscalYear(2018).japaneseLabel == "平成30年度")
    }

    @Test func fiscalYearCodesAsStartYear() throws {
        #expect(try encodeJSON([FiscalYear(2025)]) == "[2025]")
        #expect(FiscalYear(2025).description == "FY2025")
    }
}

struct JapaneseEraTests {
    @Test func reiwaBeginsOnMay1st2019() {
        #expect(date("2019-04-30").japaneseEraLabel == "平成31年4月30日")
        #expect(date("2019-05-01").japaneseEraLabel == "令和元年5月1日")
    }

    @Test func reiwaYearIsCalendarYearMinus2018() {
        #expect(date("2026-07-01").japaneseEraLabel == "令和8年7月1日")
        #expect(date("2020-01-01").japaneseEraLabel == "令和2年1月1日")
    }

    @Test func receiptLabelCarriesWeekday() {
        #expect(date("2026-07-01").japaneseReceiptLabel == "令和8年7月1日(水)")
    }

    @Test func heiseiBeginsOnJanuary8th1989() {
        #expect(date("1989-01-07").japaneseEraLabel == "昭和64年1月7日")
        #expect(date("1989-01-08").japaneseEraLabel == "平成元年1月8日")
    }

    @Test func heiseiYearsBeyond31MapToCalendarYears() {
        #expect(JapaneseEra.heisei.gregorianYear(34) == 2022)
        #expect(JapaneseEra.reiwa.gregorianYear(8) == 2026)
    }
}
