import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer
import Roadmap

/// The planners' pages (計画担当): the roadmap's Gantt chart and each step's
/// status as of a date, the items with their effective status, the works
/// closures by room, the designated-manager terms, and editing an item with
/// the dry run's list of what it displaces before confirming.
enum PlannerPages {
    static func asOf(_ context: PageContext) -> LocalDate {
        context.request.queryValue("as_of").flatMap(LocalDate.init) ?? context.site.service.today
    }

    // MARK: The roadmap

    static func home(_ context: PageContext, signedIn: SignedIn) -> HTTPResponse {
        let words = context.words
        let schedule = context.site.service.roadmap.schedule
        let date = asOf(context)
        let report = StepStatus.report(for: schedule, asOf: date)
        let title = words("改修ロードマップ", "Renovation roadmap")
        let document = Layout.page(title, context: context, switchPath: "/") {
            el(.h1) { title }
            if let notice = PageKit.done(context) { PageKit.notice(notice) }
            if context.request.queryValue("done") == "roadmap-updated" {
                PageKit.notice(words("ロードマップを更新しました。", "The roadmap is updated."))
            }
            el(.form, .method("get"), .action("/"), .class("row screen-only")) {
                Forms.field(Forms.Field(id: "as_of", label: words("基準日", "As of"), type: "date", value: date.description,
                                        autocomplete: "off"), words: words, required: false)
                el(.button, .type("submit"), .class("secondary")) { words("この日で見る", "Show") }
            }
            PageKit.table(words("\(words.date(date)) 時点のステップごとの状況", "Status of each step on \(words.date(date))"),
                          headers: [words("ステップ", "Step"), words("完了", "Done"), words("実施中", "In progress"),
                                    words("遅れ", "Late"), words("未着手", "Not started"), words("中止", "Cancelled")],
                          rows: report.map { step in
                              [.text("STEP \(step.step)"), .text(String(step.done)), .text(String(step.inProgress)),
                               .text(String(step.late)), .text(String(step.notStarted)), .text(String(step.cancelled))]
                          })
            el(.p, .class("chart")) {
                el(.img, .src(SafeURL.path("/planner/gantt.svg", query: [("as_of", date.description)])),
                   Attribute(.alt, words("改修ロードマップのガントチャート（\(words.date(date))の線入り）。内容は下の表と同じです。",
                                         "Gantt chart of the roadmap with a line on \(words.date(date)); the table below holds the same.")),
                   Attribute(.width, "1200"))
            }
            PageKit.table(words("項目ごとの予定と状況", "Items: plan and status"), className: "data items",
                          headers: [words("項目", "Item"), words("ステップ", "Step"), words("予定", "Plan"), words("状況", "Status"),
                                    words("休館", "Closures"), words("編集", "Edit")],
                          rows: schedule.items.map { item in
                              [.text(words(item.titleJa, item.titleEn)), .text(String(item.step)),
                               .text("\(item.plannedStart) 〜 \(item.plannedEnd)"),
                               .text(status(ItemProgress.status(of: item, asOf: date), words: words)),
                               .text(item.closures.isEmpty ? "—" : "\(item.closures.count)"),
                               el(.a, .href(SafeURL("/planner/items/\(item.id)")), .aria("label", words("\(item.titleJa)を編集", "Edit \(item.titleEn)"))) {
                                   words("編集", "Edit")
                               }]
                          })
            Layout.signOutEverywhere(signedIn, words: words)
        }
        return PageResponse.html(document, context: context)
    }

    static func status(_ status: EffectiveStatus, words: Words) -> String {
        switch status {
        case .notStarted: words("未着手", "Not started")
        case .inProgress: words("実施中", "In progress")
        case .done: words("完了", "Done")
        case .lateStart: words("着手の遅れ", "Late start")
        case .late: words("遅れ", "Late")
        case .delayed: words("遅延（計画担当の判断）", "Delayed (declared)")
        case .cancelled: words("中止", "Cancelled")
        }
    }

    /// `GET /planner/gantt.svg?as_of=`: the chart with its line on the date.
    static func gantt(_ context: PageContext) -> HTTPResponse {
        guard context.signedIn != nil else { return HTTPResponse(status: .notFound) }
        let svg = GanttChart.svg(schedule: context.site.service.roadmap.schedule, today: asOf(context))
        var response = HTTPResponse(status: .ok, headers: ["content-type": "image/svg+xml; charset=utf-8"], body: Array(svg.utf8))
        PageResponse.finish(&response, context: context, cookies: [])
        return response
    }

    // MARK: Closures by room, managers

    static func closures(_ context: PageContext) -> HTTPResponse {
        switch PageRoutes.viewer(context, [.planner, .admin]) {
        case .failure(let refused): return refused.response
        case .success:
            let words = context.words
            let service = context.site.service
            let schedule = service.roadmap.schedule
            let title = words("部屋ごとの工事による休館", "Works closures by room")
            let document = Layout.page(title, context: context, switchPath: "/planner/closures") {
                el(.h1) { title }
                for room in service.settings.center.facilities where room.kind == .room || room.kind == .desk {
                    let windows = schedule.items.flatMap { item in
                        item.closures.filter { $0.facilities.contains(room.id.rawValue) }.map { (item, $0) }
                    }
                    if !windows.isEmpty {
                        el(.h2) { words.facility(room) }
                        el(.ul, .class("closures")) {
                            for (item, closure) in windows {
                                el(.li) {
                                    el(.strong) { words.date(closure.from) + " 〜 " + words.date(closure.to) }
                                    " " + words(item.titleJa, item.titleEn)
                                }
                            }
                        }
                    }
                }
            }
            return PageResponse.html(document, context: context)
        }
    }

    static func managers(_ context: PageContext) -> HTTPResponse {
        switch PageRoutes.viewer(context, [.planner, .admin, .staff]) {
        case .failure(let refused): return refused.response
        case .success:
            let words = context.words
            let service = context.site.service
            let title = words("指定管理者の期間", "Designated-manager terms")
            let document = Layout.page(title, context: context, switchPath: "/planner/managers") {
                el(.h1) { title }
                PageKit.table(title, headers: [words("期間", "Term"), words("指定管理者", "Manager"), words("始まり", "From"),
                                               words("終わり", "To")],
                              rows: service.roadmap.schedule.managers.map { term in
                                  [.text(term.label), .text(words(term.operatorJa.ifEmpty(term.operator), term.operator.ifEmpty(term.operatorJa)).ifEmpty("—")),
                                   .text(words.date(term.start)), .text(words.date(term.end))]
                              })
            }
            return PageResponse.html(document, context: context)
        }
    }

    // MARK: Editing an item

    /// What the planner typed into an item's form.
    struct Edit {
        var plannedStart: String
        var plannedEnd: String
        var status: String
        var closures: [(from: String, to: String)]

        init(_ item: RoadmapItem) {
            plannedStart = item.plannedStart.description
            plannedEnd = item.plannedEnd.description
            status = item.status.rawValue
            closures = item.closures.map { ($0.from.description, $0.to.description) }
        }

        init(form: FormBody, count: Int) {
            plannedStart = form["planned_start"] ?? ""
            plannedEnd = form["planned_end"] ?? ""
            status = form["status"] ?? ""
            closures = (0..<count).map { (form["closure_\($0)_from"] ?? "", form["closure_\($0)_to"] ?? "") }
        }

        var fields: [(String, String)] {
            [("planned_start", plannedStart), ("planned_end", plannedEnd), ("status", status)]
                + closures.enumerated().flatMap { [("closure_\($0.offset)_from", $0.element.from), ("closure_\($0.offset)_to", $0.element.to)] }
        }

        /// The update it asks for, or the errors next to its fields.
        func update(of item: RoadmapItem, words: Words) -> (RoadmapUpdate?, [String: String]) {
            var errors: [String: String] = [:]
            let start = YearMonth(plannedStart), end = YearMonth(plannedEnd)
            if start == nil { errors["planned_start"] = words("年月を選んでください。", "Choose a month.") }
            if end == nil { errors["planned_end"] = words("年月を選んでください。", "Choose a month.") }
            let status = ItemStatus(rawValue: self.status)
            if status == nil { errors["status"] = words("状況を選んでください。", "Choose a status.") }
            var windows: [WorksClosure] = []
            for (index, closure) in closures.enumerated() {
                guard let from = LocalDate(closure.from) else { errors["closure_\(index)_from"] = words("日付を入力してください。", "Enter a date."); continue }
                guard let to = LocalDate(closure.to) else { errors["closure_\(index)_to"] = words("日付を入力してください。", "Enter a date."); continue }
                let old = item.closures[index]
                windows.append(WorksClosure(facilities: old.facilities, from: from, to: to, dateSource: .stated, note: old.note))
            }
            guard errors.isEmpty, let start, let end, let status else { return (nil, errors) }
            return (RoadmapUpdate(status: status, plannedStart: start, plannedEnd: end, closures: windows), [:])
        }
    }

    static func item(_ context: PageContext) -> RoadmapItem? {
        context.site.service.roadmap.schedule.item(context.request.pathParameters["id"] ?? "")
    }

    static func editForm(_ context: PageContext, edit given: Edit? = nil, errors: [String: String] = [:],
                         refusal: (any AnyRefusal)? = nil, status: HTTPStatus = .ok) -> HTTPResponse {
        switch PageRoutes.viewer(context, [.planner, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            guard let item = item(context) else { return PageRoutes.notFound(context) }
            let words = context.words
            let edit = given ?? Edit(item)
            let center = context.site.service.settings.center
            let title = words(item.titleJa, item.titleEn)
            let order = edit.fields.map(\.0).filter { errors[$0] != nil }
            let document = Layout.page(title, context: context, switchPath: "/planner/items/\(item.id)") {
                el(.h1) { title }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(order.map { ($0, errors[$0] ?? "") }, words: words)
                el(.p) { words("変更は、まず試算（ドライラン）で影響を確かめてから確定します。試算では何も変わりません。", "A change is first tried as a dry run, which changes nothing; you confirm it after seeing what it displaces.") }
                el(.form, .method("post"), .action(SafeURL("/planner/items/\(item.id)/dry-run")), Attribute(.novalidate), .class("stack")) {
                    Forms.token(signedIn.formToken)
                    Forms.field(Forms.Field(id: "planned_start", label: words("開始予定（年月）", "Planned start (month)"), type: "month",
                                            value: edit.plannedStart, autocomplete: "off", hint: words("例：2027-04", "e.g. 2027-04"),
                                            error: errors["planned_start"]), words: words)
                    Forms.field(Forms.Field(id: "planned_end", label: words("終了予定（年月）", "Planned end (month)"), type: "month",
                                            value: edit.plannedEnd, autocomplete: "off", hint: words("例：2027-09", "e.g. 2027-09"),
                                            error: errors["planned_end"]), words: words)
                    PageKit.select(id: "status", label: words("状況", "Status"),
                                   options: ItemStatus.allCases.map { ($0.rawValue, itemStatus($0, words: words)) },
                                   selected: edit.status, error: errors["status"], words: words)
                    for (index, closure) in edit.closures.enumerated() {
                        el(.fieldset) {
                            let rooms = item.closures[index].facilities.compactMap { center.facility(FacilityID($0)).map(words.facility) }
                            el(.legend) { words("工事による休館 \(index + 1)：", "Works closure \(index + 1): ") + rooms.joined(separator: "、") }
                            Forms.field(Forms.Field(id: "closure_\(index)_from", label: words("休館の初日", "First day closed"), type: "date",
                                                    value: closure.from, autocomplete: "off", hint: words("例：2027-07-01", "e.g. 2027-07-01"),
                                                    error: errors["closure_\(index)_from"]), words: words)
                            Forms.field(Forms.Field(id: "closure_\(index)_to", label: words("休館の最終日", "Last day closed"), type: "date",
                                                    value: closure.to, autocomplete: "off", hint: words("例：2027-09-30", "e.g. 2027-09-30"),
                                                    error: errors["closure_\(index)_to"]), words: words)
                        }
                    }
                    el(.button, .type("submit"), .class("primary")) { words("試算する（ドライラン）", "Dry run") }
                }
                el(.p) { el(.a, .href("/")) { words("ロードマップに戻る", "Back to the roadmap") } }
            }
            return PageResponse.html(document, status: status, context: context)
        }
    }

    static func itemStatus(_ status: ItemStatus, words: Words) -> String {
        switch status {
        case .planned: words("予定", "Planned")
        case .inProgress: words("実施中", "In progress")
        case .done: words("完了", "Done")
        case .delayed: words("遅延", "Delayed")
        case .cancelled: words("中止", "Cancelled")
        }
    }

    /// `POST /planner/items/{id}/dry-run` and `…/apply`.
    static func change(_ context: PageContext, apply: Bool) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.planner, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            guard let item = item(context) else { return PageRoutes.notFound(context) }
            let words = context.words
            let edit = Edit(form: form, count: item.closures.count)
            let (update, errors) = edit.update(of: item, words: words)
            guard let update else { return editForm(context, edit: edit, errors: errors, status: .unprocessableContent) }
            let confirmed = apply ? Int(form["confirm_displaced"] ?? "") : nil
            do {
                let change = try await context.site.service.roadmap.update(item: item.id, update: update, dryRun: !apply,
                                                                           confirmDisplaced: confirmed, by: signedIn.actor)
                if apply { return PageResponse.redirect(to: "/?done=roadmap-updated", context: context) }
                return PageResponse.html(dryRun(context, signedIn: signedIn, item: item, edit: edit, change: change, notice: nil),
                                         context: context)
            } catch .refused(let refusal) {
                if let change = refusal.attachment?.value as? RoadmapChange {
                    return PageResponse.html(dryRun(context, signedIn: signedIn, item: item, edit: edit, change: change,
                                                    notice: words.refusal(refusal)),
                                             status: PageResponse.status(of: refusal), context: context)
                }
                return editForm(context, edit: edit, refusal: refusal, status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    static func dryRun(_ context: PageContext, signedIn: SignedIn, item: RoadmapItem, edit: Edit, change: RoadmapChange,
                       notice: String?) -> Document {
        let words = context.words
        let center = context.site.service.settings.center
        let title = words("試算の結果：", "Dry run: ") + words(item.titleJa, item.titleEn)
        return Layout.page(title, context: context, switchPath: "/planner/items/\(item.id)") {
            el(.h1) { title }
            if let notice { PageKit.notice(notice, alert: true) }
            el(.p) { words("まだ何も変わっていません。", "Nothing has changed yet.") }
            PageKit.facts([(words("予定", "Plan"), words.month(change.item.plannedStart) + " 〜 " + words.month(change.item.plannedEnd)),
                           (words("状況", "Status"), itemStatus(change.item.status, words: words))]
                          + change.item.closures.map { (words("工事による休館", "Works closure"), words.date($0.from) + " 〜 " + words.date($0.to)) })
            el(.h2) { words("取り消される予約：\(change.displacedCount)件", "Displaced: \(change.displacedCount)") }
            if change.displacedCount == 0 {
                el(.p) { words("この変更で取り消される予約はありません。", "This change displaces nothing.") }
            } else {
                el(.p) { words("確定すると、次の予約はセンターの都合で取り消され、全額が還付されます。", "If confirmed, these are cancelled by the center with a full refund.") }
                if !change.displaced.isEmpty {
                    PageKit.table(words("取り消される部屋の予約", "Room bookings displaced"),
                                  headers: [words("予約番号", "No."), words("部屋", "Room"), words("利用日", "Date"), words("区分", "Divisions"),
                                            words("登録番号", "Registration")],
                                  rows: change.displaced.map { booking in
                                      [.text(String(booking.id)),
                                       .text(center.facility(booking.facility).map(words.facility) ?? booking.facility.rawValue),
                                       .text(words.date(booking.firstDate)),
                                       .text(booking.divisions.map { words.period($0.rawValue, in: center) }.joined(separator: "、")),
                                       .text(String(booking.registration))]
                                  })
                }
                if !change.displacedDeskPasses.isEmpty {
                    PageKit.table(words("取り消されるフリーデスクの予約", "Desk passes displaced"),
                                  headers: [words("番号", "No."), words("利用日", "Date"), words("時間帯", "Period"), words("デスク", "Desk")],
                                  rows: change.displacedDeskPasses.map { pass in
                                      [.text(String(pass.id)), .text(words.date(pass.date)), .text(words.period(pass.period, in: center)),
                                       .text(words.desk(pass.desk))]
                                  })
                }
            }
            el(.form, .method("post"), .action(SafeURL("/planner/items/\(item.id)/apply")), .class("stack")) {
                Forms.token(signedIn.formToken)
                for (name, value) in edit.fields { el(.input, .type("hidden"), .name(name), .value(value)) }
                el(.input, .type("hidden"), .name("confirm_displaced"), .value(String(change.displacedCount)))
                el(.button, .type("submit"), .class(change.displacedCount > 0 ? "danger" : "primary")) {
                    change.displacedCount > 0
                        ? words("\(change.displacedCount)件の取消しを承知して確定する", "Confirm, cancelling \(change.displacedCount)")
                        : words("この変更を確定する", "Confirm this change")
                }
            }
            el(.p) { el(.a, .href(SafeURL("/planner/items/\(item.id)"))) { words("変更をやり直す", "Change it again") } }
        }
    }
}
