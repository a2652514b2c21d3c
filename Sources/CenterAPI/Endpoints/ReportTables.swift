import CenterDomain
import CenterService

/// The reports as spreadsheet tables: Japanese headers, one row per line of
/// the JSON variant in the same order, the same numbers.
enum ReportTables {
    static func utilization(_ lines: [UtilizationLine]) -> CSVWriter {
        var csv = CSVWriter(header: ["年度", "年月", "施設ID", "施設", "利用可能コマ数", "予約コマ数", "利用コマ数", "無断キャンセル"])
        for line in lines {
            csv.row([String(line.fiscalYear), line.month.description, line.facility.rawValue, line.facilityNameJa,
                     String(line.openUnits), String(line.bookedUnits), String(line.usedUnits), String(line.noShowUnits)])
        }
        return csv
    }

    static func revenue(_ lines: [RevenueLine]) -> CSVWriter {
        var csv = CSVWriter(header: ["年度", "年月", "指定管理者ID", "指定管理者", "事業者", "使用料", "還付", "減免", "差引収入",
                                     "うち区の使用料", "うち指定管理者の利用料金"])
        for line in lines {
            csv.row([String(line.fiscalYear), line.month.description, line.manager, line.managerLabel, line.operatorJa,
                     String(line.fees), String(line.refunds), String(line.exemptions), String(line.net),
                     String(line.wardUsageFees), String(line.managerFeeIncome)])
        }
        return csv
    }

    static func lockers(_ lines: [LockerLeaseLine]) -> CSVWriter {
        var csv = CSVWriter(header: ["年度", "年月", "ロッカー数", "貸出中", "新規契約", "契約終了", "賃料"])
        for line in lines {
            csv.row([String(line.fiscalYear), line.month.description, String(line.lockers), String(line.leased),
                     String(line.started), String(line.ended), String(line.fees)])
        }
        return csv
    }

    static func communityQuota(_ lines: [CommunityQuotaLine], names: (FacilityID) -> String) -> CSVWriter {
        var csv = CSVWriter(header: ["年月", "施設ID", "施設", "地域枠の割合", "利用可能コマ数", "地域枠コマ数", "地域団体以外の上限",
                                     "地域団体の利用", "地域団体以外の利用", "開放コマ数", "地域枠の未使用"])
        for line in lines {
            csv.row([line.month.description, line.facility.rawValue, names(line.facility), String(line.share),
                     String(line.bookableUnits), String(line.reservedUnits), String(line.nonCommunityCeiling),
                     String(line.communityUnits), String(line.nonCommunityUnits), String(line.releasedUnits),
                     String(line.unusedReservedUnits)])
        }
        return csv
    }
}
