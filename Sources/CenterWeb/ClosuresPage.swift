import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer
import Roadmap

/// 休館日 (staff): the closed days of each room over the coming three months,
/// runs of days with their reasons, from the same availability the booking
/// grid reads (the calendar, ad-hoc closures and the roadmap's works).
enum ClosuresPage {
    /// One run of closed days of a room with the same reasons.
    struct Run {
        var from: LocalDate
        var to: LocalDate
        let reasons: [String]
    }

    static func get(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let words = context.words
            let from = service.today
            let to = from.adding(days: Bookings.maximumAvailabilityDays - 1)
            var byRoom: [(Facility, [Run])] = []
            for room in DeskBookingPages.rooms(service.settings.center) {
                let days = (try? await service.bookings.availability(facility: room.id, from: from, to: to, category: nil,
                                                                     for: signedIn.actor)) ?? []
                var runs: [Run] = []
                for day in days where !day.open {
                    let reasons = day.reasons.map { text(of: $0, roadmap: service.roadmap.schedule, words: words) }
                    if var last = runs.last, last.to.adding(days: 1) == day.date, last.reasons == reasons {
                        last.to = day.date
                        runs[runs.count - 1] = last
                    } else {
                        runs.append(Run(from: day.date, to: day.date, reasons: reasons))
                    }
                }
                byRoom.append((room, runs))
            }
            let title = words("休館日", "Closures")
            let document = Layout.page(title, context: context, switchPath: "/desk/closures") {
                el(.h1) { title }
                el(.p) { words("\(words.date(from)) から \(words.date(to)) までの、部屋ごとの休館日です。", "Closed days of each room from \(words.date(from)) to \(words.date(to)).") }
                for (room, runs) in byRoom {
                    el(.h2) { words.facility(room) }
                    if runs.isEmpty {
                        el(.p) { words("この期間の休館日はありません。", "No closed days in this period.") }
                    } else {
                        el(.ul, .class("closures")) {
                            for run in runs {
                                el(.li) {
                                    el(.strong) { words.date(run.from) + (run.to == run.from ? "" : " 〜 " + words.date(run.to)) }
                                    " " + run.reasons.joined(separator: "／")
                                }
                            }
                        }
                    }
                }
            }
            return PageResponse.html(document, context: context)
        }
    }

    /// A closure's reason as people read it.
    static func text(of reason: ClosureReason, roadmap: RoadmapSchedule, words: Words) -> String {
        switch reason.kind {
        case .yearEnd: return words("年末年始", "Year-end holidays")
        case .regularClosedDay: return words("定期休館日", "Regular closed day")
        case .holiday: return words(reason.reasonJa ?? reason.reason ?? "祝日", reason.reason ?? "Public holiday")
        case .adHoc: return words("臨時休館：", "Closed: ") + (words(reason.reasonJa ?? reason.reason ?? "", reason.reason ?? reason.reasonJa ?? ""))
        case .works:
            let item = reason.itemID.flatMap(roadmap.item)
            return words("工事：", "Works: ") + (item.map { words($0.titleJa, $0.titleEn) } ?? reason.itemID ?? "")
        }
    }
}
