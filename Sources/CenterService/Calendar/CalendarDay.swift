import CalendarValues
import CenterDomain
import Roadmap

/// One date as `/calendar` shows it: the domain's day summary (open or closed
/// with every reason, holiday, fiscal year, Japanese label) joined with the
/// designated manager (指定管理者) in charge that day.
public struct CalendarDay: Encodable, Sendable {
    public struct HolidayName: Encodable, Sendable {
        let name: String
        let nameEn: String
        enum CodingKeys: String, CodingKey { case name, nameEn = "name_en" }
    }

    public struct ManagerInCharge: Encodable, Sendable {
        let id: String
        let label: String
        let `operator`: String
        let operatorJa: String
        enum CodingKeys: String, CodingKey { case id, label, `operator`, operatorJa = "operator_ja" }
    }

    let date: LocalDate
    let weekday: String
    let weekdayJa: String
    let open: Bool
    let closures: [ClosureReason]
    let holiday: HolidayName?
    let fiscalYear: Int
    let fiscalYearLabel: String
    let labelJa: String
    let manager: ManagerInCharge?

    enum CodingKeys: String, CodingKey {
        case date, weekday, open, closures, holiday, manager
        case weekdayJa = "weekday_ja"
        case fiscalYear = "fiscal_year"
        case fiscalYearLabel = "fiscal_year_label"
        case labelJa = "label_ja"
    }

    /// `adHoc`: closures staff declared (`POST /closures`), stored in the database.
    init(summary: DaySummary, adHoc: [ClosureReason], manager: ManagerTerm?) {
        date = summary.date
        weekday = summary.weekday.english
        weekdayJa = summary.weekday.japanese
        open = summary.open && adHoc.isEmpty
        closures = summary.reasons + adHoc
        holiday = summary.holiday.map { HolidayName(name: $0.name, nameEn: $0.nameEnglish) }
        fiscalYear = summary.fiscalYear.startYear
        fiscalYearLabel = summary.fiscalYear.japaneseLabel
        labelJa = summary.japaneseDate
        self.manager = manager.map { ManagerInCharge(id: $0.id, label: $0.label, operator: $0.operator, operatorJa: $0.operatorJa) }
    }
}
