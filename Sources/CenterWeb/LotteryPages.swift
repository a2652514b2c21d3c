import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// 抽選 (lottery rounds): the public page of each round's month (its
/// schedule, the commitment to the seed, after the draw the seed and the
/// summary per slot without names, and the ballot anyone can replay), and
/// the entries of a registration (a member's own on `/my/lottery`, staff
/// for anyone on `/desk/lottery?registration=`): entering, withdrawing
/// during the entry period, and each entry's result after the draw.
enum LotteryPages {
    /// Whose entries a page shows: the signed-in member's, or a registration's for staff.
    enum Owner {
        case member
        case staff(registration: Int64)

        var path: String {
            switch self {
            case .member: "/my/lottery"
            case .staff(let id): "/desk/lottery?registration=\(id)"
            }
        }

        var postPath: String {
            switch self {
            case .member: "/my/lottery"
            case .staff: "/desk/lottery"
            }
        }
    }

    /// What the entry form carries.
    struct Entry {
        var facility = ""
        var date = ""
        var divisions: [String] = []
        var purpose = ""
        var attendees = "10"
        var errors: [String: String] = [:]
    }

    // MARK: Public

    /// `GET /lottery`: the rounds' months now listed, each with its phase and schedule.
    static func index(_ context: PageContext) async throws -> HTTPResponse {
        let words = context.words
        let months = try await context.site.service.lottery.months()
        let title = words("抽選の公開情報", "Lottery rounds")
        let document = Layout.page(title, context: context, switchPath: "/lottery") {
            el(.h1) { title }
            el(.p) {
                words("多目的ホール・体育室・小体育室は、受付期間に申し込んだ方の中から抽選で予約者を決めます。抽選の前に乱数の種のハッシュ（SHA-256）を公開し、抽選のときに種を公開するので、誰でも同じ結果になることを確かめられます。氏名は公開しません。",
                      "The hall and gyms are allotted by lottery among the entries of each entry period. The SHA-256 of the draw's seed is published before the draw and the seed at the draw, so anyone can replay it to the same winners. No names are published.")
            }
            el(.ul, .class("cards")) {
                for month in months {
                    el(.li) {
                        el(.p) {
                            el(.a, .href(SafeURL("/lottery/\(month.round)/\(month.month)"))) { words(month.nameJa, month.nameEn) }
                            "　" + words("利用月 ", "for ") + words.month(month.month)
                        }
                        el(.p) { el(.strong) { phase(month.phase, words: words) } }
                        el(.p) {
                            words("受付 ", "Entries ") + words.dateTime(month.entryOpens) + " 〜 " + words.dateTime(month.entryCloses)
                                + words("　抽選 ", "; draw ") + words.dateTime(month.drawAt)
                        }
                    }
                }
            }
        }
        return PageResponse.html(document, context: context)
    }

    /// `GET /lottery/{round}/{month}`: one round's month as the public sees it.
    static func month(_ context: PageContext) async throws -> HTTPResponse {
        let words = context.words
        let service = context.site.service
        let round = context.request.pathParameters["round"] ?? ""
        guard let month = context.request.pathParameters["month"].flatMap(YearMonth.init) else { return PageRoutes.notFound(context) }
        let status: LotteryRoundMonth
        do { status = try await service.lottery.month(round: round, month: month) }
        catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
        let center = service.settings.center
        let title = words(status.nameJa, status.nameEn) + " " + words.month(month)
        let document = Layout.page(title, context: context, switchPath: "/lottery/\(round)/\(month)") {
            el(.h1) { title }
            PageKit.facts([
                (words("状況", "Phase"), phase(status.phase, words: words)),
                (words("申込みの受付", "Entries"), words.dateTime(status.entryOpens) + " 〜 " + words.dateTime(status.entryCloses)),
                (words("抽選", "Draw"), words.dateTime(status.drawAt)),
                (words("先着順の受付開始", "First come from"), words.dateTime(status.firstComeOpens)),
                (words("対象の施設", "Rooms"), status.facilities.map { id in center.facility(id).map(words.facility) ?? id.rawValue }.joined(separator: "、")),
                (words("対象の利用者区分", "Categories"), status.participants.map { words.category($0.rawValue) }.joined(separator: "、")),
                (words("1登録あたり", "Per registration"), words("申込み\(status.maxEntriesPerRegistration)件・当選\(status.maxWinsPerRegistration)コマまで",
                                                               "\(status.maxEntriesPerRegistration) entries, \(status.maxWinsPerRegistration) slots won at most")),
                (words("申込み", "Entries"), words("\(status.entries)件（\(status.applicants)団体・人）", "\(status.entries) from \(status.applicants) applicants")),
            ])
            el(.dl, .class("facts")) {
                el(.dt) { words("種のハッシュ（SHA-256）", "Commitment (SHA-256 of the seed)") }
                el(.dd) {
                    if let commitment = status.commitment { el(.code, .class("digest")) { commitment } }
                    else { words("受付開始時に公開します", "Published when entries open") }
                }
                el(.dt) { words("乱数の種", "Seed") }
                el(.dd) {
                    if let seed = status.seed { el(.code, .class("digest")) { seed.hex } } else { words("抽選のときに公開します", "Published at the draw") }
                }
            }
            if status.phase == .drawn || status.phase == .firstCome {
                el(.h2) { words("結果の概要", "Summary") }
                PageKit.table(words("枠ごとの申込み数と当選", "Entries and winners per slot"),
                              headers: [words("施設", "Room"), words("日付", "Date"), words("区分", "Division"),
                                        words("申込み", "Entries"), words("結果", "Result")],
                              rows: status.summary.map { slot in
                                  [.text(center.facility(slot.facility).map(words.facility) ?? slot.facility.rawValue),
                                   .text(words.date(slot.date)), .text(words.period(slot.division.rawValue, in: center)),
                                   .text(String(slot.entries)),
                                   .text(slot.won ? words("当選あり", "Won") : slot.available ? words("当選なし", "Not won")
                                         : words("抽選前に予約済み・休館", "Not free at the draw"))]
                              })
                el(.p) {
                    words("抽選を自分で確かめるには、", "To replay the draw, download ")
                    el(.a, .href(SafeURL("/lottery-rounds/\(round)/\(month)/ballot"))) { words("抽選の名簿（JSON）", "the ballot (JSON)") }
                    words("をダウンロードして bench/replay-lottery.py で実行します。", " and run it with bench/replay-lottery.py.")
                }
            }
            el(.p) { el(.a, .href("/lottery")) { words("抽選の一覧に戻る", "All rounds") } }
        }
        return PageResponse.html(document, context: context)
    }

    static func phase(_ phase: LotterySchedule.Phase, words: Words) -> String {
        switch phase {
        case .notOpen: words("受付前", "Not open yet")
        case .entry: words("申込み受付中", "Taking entries")
        case .closed: words("受付終了・抽選待ち", "Closed, to be drawn")
        case .drawn: words("抽選済み（先着順の受付前）", "Drawn (first come later)")
        case .firstCome: words("抽選済み・先着順で受付中", "Drawn, open first come")
        }
    }

    // MARK: Entries of a registration

    /// `GET /my/lottery` (a member) and `GET /desk/lottery?registration=` (staff).
    static func entries(_ context: PageContext, staff: Bool, owner given: Owner? = nil, entry: Entry = Entry(),
                        refusal: (any AnyRefusal)? = nil, status: HTTPStatus? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, staff ? [.staff, .admin] : [.member]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let service = context.site.service
            let words = context.words
            let center = service.settings.center
            let owner: Owner
            if let given { owner = given } else if staff {
                guard let id = context.request.queryValue("registration").flatMap({ Int64($0.applyingHalfWidthDigits) }) else {
                    return PageRoutes.notFound(context)
                }
                owner = .staff(registration: id)
            } else { owner = .member }
            let registrationID: Int64
            switch owner {
            case .member:
                guard let id = signedIn.actor.registrationID else { return PageRoutes.notFound(context) }
                registrationID = id
            case .staff(let id): registrationID = id
            }
            let record: RegistrationRecord
            do { record = try await service.registrations.registration(id: registrationID, for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let rounds = try await service.lottery.months().filter { $0.participants.contains(record.category) }
            let entries: [LotteryEntryRecord]
            do { entries = try await service.lottery.entries(registration: registrationID, round: nil, month: nil, for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let facilities = Array(Set(rounds.flatMap(\.facilities))).sorted { $0.rawValue < $1.rawValue }
            let open = rounds.filter { $0.phase == .entry }
            let title = words("抽選の申込み", "Lottery entries")
            let document = Layout.page(title, context: context, switchPath: owner.path) {
                el(.h1) { title }
                if case .staff = owner { el(.p) { record.name + words("（登録番号 \(record.id)）", " (no. \(record.id))") } }
                if let notice = PageKit.done(context) { PageKit.notice(notice) }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(["facility", "date", "divisions", "purpose", "attendees"].compactMap { key in entry.errors[key].map { (key, $0) } },
                              words: words)
                if rounds.isEmpty {
                    el(.p) { words("この利用者区分（\(words.category(record.category.rawValue))）が申し込む抽選はありません。先着順で予約できます。",
                                   "No lottery round takes entries from this category (\(words.category(record.category.rawValue))): it books first come.") }
                } else {
                    el(.ul, .class("cards")) {
                        for month in rounds {
                            el(.li) {
                                el(.p) {
                                    el(.a, .href(SafeURL("/lottery/\(month.round)/\(month.month)"))) { words(month.nameJa, month.nameEn) }
                                    " " + words.month(month.month)
                                }
                                el(.p) { phase(month.phase, words: words) + words("　受付 ", ", entries ")
                                         + words.dateTime(month.entryOpens) + " 〜 " + words.dateTime(month.entryCloses) }
                            }
                        }
                    }
                }
                el(.h2) { words("申込み", "Entries") }
                if entries.isEmpty {
                    el(.p) { words("抽選の申込みはありません。", "No lottery entries.") }
                } else {
                    el(.ul, .class("cards")) {
                        for item in entries {
                            el(.li) {
                                el(.p) {
                                    el(.strong) { words.date(item.date) }
                                    " " + (center.facility(item.facility).map(words.facility) ?? item.facility.rawValue) + "　"
                                        + DeskTodayPage.units(item.divisions, words: words, center: center)
                                }
                                el(.p) { words("申込み番号 ", "Entry ") + item.entry + "　" + item.purpose + words("（\(item.attendees)人）", " (\(item.attendees))") }
                                el(.p) { result(item, owner: owner, words: words) }
                                if item.state == "entered" && open.contains(where: { $0.round == item.round && $0.month == item.month }) {
                                    PageKit.button(words("取り下げる", "Withdraw"), action: withdrawPath(owner, entry: item.id), token: signedIn.formToken)
                                }
                            }
                        }
                    }
                }
                if !open.isEmpty {
                    el(.h2) { words("新しく申し込む", "Enter") }
                    form(owner: owner, registration: registrationID, facilities: facilities, entry: entry, center: center,
                         signedIn: signedIn, words: words)
                }
                el(.p) { el(.a, .href("/lottery")) { words("抽選の公開情報", "Public lottery information") } }
            }
            return PageResponse.html(document, status: status ?? refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    static func withdrawPath(_ owner: Owner, entry: Int64) -> String {
        switch owner {
        case .member: "/my/lottery/\(entry)/withdraw"
        case .staff: "/desk/lottery/\(entry)/withdraw"
        }
    }

    /// An entry's state as its holder reads it: entered, withdrawn, won (with the booking), lost and why.
    static func result(_ entry: LotteryEntryRecord, owner: Owner, words: Words) -> Node {
        switch entry.state {
        case "entered": return .text(words("申込み済み（抽選待ち）", "Entered (to be drawn)"))
        case "withdrawn": return .text(words("取り下げ", "Withdrawn"))
        case "won":
            guard let booking = entry.booking else {
                return .text(words("当選（予約できませんでした）", "Won (the booking was refused)"))
            }
            if case .staff = owner {
                return el(.a, .href(SafeURL("/desk/bookings/\(booking)"))) { words("当選 → 仮予約 \(booking)", "Won → booking \(booking)") }
            }
            return .text(words("当選 → 仮予約 \(booking)（期限までにお支払いください）", "Won → booking \(booking) (pay by its deadline)"))
        case "lost":
            let why: String = switch entry.reason {
            case .slotUnavailable: words("枠が抽選前に埋まっていた", "the slot was not free")
            case .slotTaken: words("先に当選した申込みがあった", "another entry won it")
            case .winLimitReached: words("当選の上限に達した", "the win limit was reached")
            case .communityQuotaReserved: words("地域団体の枠", "held for community groups")
            case nil: ""
            }
            return .text(words("落選", "Not won") + (why.isEmpty ? "" : words("（\(why)）", " (\(why))"))
                         + (entry.rank.map { words("　抽選順 \($0)", ", rank \($0)") } ?? ""))
        default:
            return .text(entry.state)
        }
    }

    static func form(owner: Owner, registration: Int64, facilities: [FacilityID], entry: Entry, center: CenterConfiguration,
                     signedIn: SignedIn, words: Words) -> Node {
        el(.form, .method("post"), .action(SafeURL(owner.postPath)), Attribute(.novalidate), .class("stack")) {
            Forms.token(signedIn.formToken)
            if case .staff = owner { el(.input, .type("hidden"), .name("registration"), .value(String(registration))) }
            PageKit.select(id: "facility", label: words("施設", "Room"),
                           options: facilities.map { ($0.rawValue, center.facility($0).map(words.facility) ?? $0.rawValue) },
                           selected: entry.facility, error: entry.errors["facility"], words: words)
            Forms.field(Forms.Field(id: "date", label: words("利用日", "Date"), type: "date", value: entry.date, autocomplete: "off",
                                    hint: words("例：2027-01-20", "e.g. 2027-01-20"), error: entry.errors["date"]), words: words)
            divisionBoxes(chosen: entry.divisions, center: center, error: entry.errors["divisions"], words: words)
            Forms.field(Forms.Field(id: "purpose", label: words("利用目的", "Purpose"), value: entry.purpose, autocomplete: "off",
                                    error: entry.errors["purpose"]), words: words)
            Forms.field(Forms.Field(id: "attendees", label: words("利用人数", "Attendees"), value: entry.attendees, autocomplete: "off",
                                    error: entry.errors["attendees"], inputmode: "numeric"), words: words)
            el(.button, .type("submit"), .class("primary")) { words("抽選に申し込む", "Enter the lottery") }
        }
    }

    /// The divisions as boxes to tick (`division`), with the error above them.
    static func divisionBoxes(chosen: [String], center: CenterConfiguration, error: String?, words: Words) -> Node {
        el(.fieldset, .id("divisions"), .class(error == nil ? "choices" : "choices invalid")) {
            el(.legend) { words("区分", "Divisions"); el(.span, .class("required")) { words[.required] } }
            if let error { el(.p, .class("error"), .id("divisions-error")) { error } }
            for division in center.divisions {
                el(.div, .class("check")) {
                    el(.input, attributes: [.type("checkbox"), .id("division-\(division.id.rawValue)"), .name("division"),
                                            .value(division.id.rawValue)] + (chosen.contains(division.id.rawValue) ? [.checked] : []))
                    el(.label, .for("division-\(division.id.rawValue)")) { words.period(division.id.rawValue, in: center) }
                }
            }
        }
    }

    /// `POST /my/lottery`, `POST /desk/lottery`: enters, then the entries page.
    static func enter(_ context: PageContext, staff: Bool) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: staff ? [.staff, .admin] : [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let words = context.words
            var entry = Entry(facility: form["facility"] ?? "", date: form["date"] ?? "", divisions: form.all("division"),
                              purpose: form["purpose"] ?? "", attendees: form["attendees"] ?? "")
            let owner: Owner
            let registration: Int64
            if staff {
                guard let id = form["registration"].flatMap({ Int64($0) }) else { return PageRoutes.unreadable(context) }
                owner = .staff(registration: id)
                registration = id
            } else {
                guard let id = signedIn.actor.registrationID else { return PageRoutes.notFound(context) }
                owner = .member
                registration = id
            }
            let date = LocalDate(entry.date.trimmingCharacters(in: .whitespaces))
            if date == nil { entry.errors["date"] = words("利用日を 2027-01-20 の形で入力してください。", "Enter the date as 2027-01-20.") }
            if entry.divisions.isEmpty { entry.errors["divisions"] = words("区分を1つ以上選んでください。", "Choose at least one division.") }
            if entry.purpose.trimmingCharacters(in: .whitespaces).isEmpty { entry.errors["purpose"] = words("利用目的を入力してください。", "Enter the purpose.") }
            let attendees = Int(entry.attendees.applyingHalfWidthDigits.trimmingCharacters(in: .whitespaces))
            if attendees == nil || attendees ?? 0 < 1 { entry.errors["attendees"] = words("利用人数を1以上の半角数字で入力してください。", "Enter the attendees as a number from 1.") }
            guard let date, let attendees, entry.errors.isEmpty else {
                return try await entries(context, staff: staff, owner: owner, entry: entry, status: .unprocessableContent)
            }
            let request = LotteryEntryRequest(registration: registration, facility: FacilityID(entry.facility), date: date,
                                              divisions: entry.divisions.map { DivisionID($0) }, purpose: entry.purpose,
                                              attendees: attendees)
            do {
                _ = try await context.site.service.lottery.enter(request, by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL.path(owner.path.split(separator: "?").first.map(String.init) ?? owner.path,
                                                              query: DeskTodayPage.query(of: owner.path) + [("done", "lottery-entered")]),
                                             context: context)
            } catch .refused(let refusal) {
                return try await entries(context, staff: staff, owner: owner, entry: entry, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /my/lottery/{id}/withdraw`, `POST /desk/lottery/{id}/withdraw`.
    static func withdraw(_ context: PageContext, staff: Bool) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: staff ? [.staff, .admin] : [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            do {
                let withdrawn = try await context.site.service.lottery.withdraw(entry: id, by: signedIn.actor)
                let path = staff ? "/desk/lottery?registration=\(withdrawn.value?.registration ?? 0)&done=lottery-withdrawn"
                    : "/my/lottery?done=lottery-withdrawn"
                return PageResponse.redirect(to: SafeURL(path), context: context)
            } catch .refused(let refusal) {
                return PageRoutes.refusalPage(refusal, context: context, back: staff ? "/desk/registrations" : "/my/lottery")
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
