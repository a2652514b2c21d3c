import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// 利用登録 (staff): find a registration by name, open it (renew it, issue a
/// sign-up code, book a room for it, its bookings), and register a new one,
/// which ends on the printed slip with its sign-up code.
enum DeskRegistrationPages {
    // MARK: Find

    static func search(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success:
            let words = context.words
            let query = context.request.queryValue("q") ?? ""
            var found: [RegistrationRecord]?
            var error: String?
            if !query.isEmpty {
                do { found = try await context.site.service.registrations.find(name: query) }
                catch .refused(let refusal) { error = words.refusal(refusal) } catch .failed(let failure) { throw failure }
            }
            let title = words("利用登録", "Registrations")
            let document = Layout.page(title, context: context, switchPath: "/desk/registrations") {
                el(.h1) { title }
                Forms.summary(error.map { [("q", $0)] } ?? [], words: words)
                el(.form, .method("get"), .action("/desk/registrations"), .class("stack"), Attribute(.role, "search")) {
                    Forms.field(Forms.Field(id: "q", label: words("氏名・団体名", "Name"), type: "search", value: query,
                                            autocomplete: "off",
                                            hint: words("一部だけでも探せます。ひらがな・カタカナ、全角・半角は区別しません。",
                                                        "Part of the name is enough; kana of either kind and width match."),
                                            error: error), words: words, required: false)
                    el(.button, .type("submit"), .class("primary")) { words("探す", "Search") }
                }
                if let found {
                    if found.isEmpty {
                        el(.p) { words("「\(query)」に当たる登録はありません。", "No registration matches “\(query)”.") }
                    } else {
                        PageKit.table(words("「\(query)」の検索結果（\(found.count)件）", "Results for “\(query)” (\(found.count))"),
                                      headers: [words("登録番号", "No."), words("氏名・団体名", "Name"), words("利用者区分", "Category"),
                                                words("有効期限", "Valid until"), words("状態", "Status")],
                                      rows: found.map { record in
                                          [el(.a, .href(SafeURL("/desk/registrations/\(record.id)"))) { String(record.id) },
                                           .text(record.name), .text(words.category(record.category.rawValue)),
                                           .text(words.date(record.validUntil)), .text(status(record, words: words))]
                                      })
                    }
                }
                el(.p) { el(.a, .href("/desk/registrations/new"), .class("button-link")) { words("新しく登録する", "New registration") } }
            }
            return PageResponse.html(document, status: error == nil ? .ok : .unprocessableContent, context: context)
        }
    }

    static func status(_ record: RegistrationRecord, words: Words) -> String {
        switch record.status {
        case .active: words("有効", "Active")
        case .suspended: words("利用停止中", "Suspended")
        case .expired: words("期限切れ", "Expired")
        }
    }

    // MARK: One registration

    static func detail(_ context: PageContext, refusal: (any AnyRefusal)? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            guard let id = PageRoutes.id(context) else { return PageRoutes.notFound(context) }
            let service = context.site.service
            let record: RegistrationRecord
            do { record = try await service.registrations.registration(id: id, for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let bookings = (try? await service.bookings.list(BookingFilter(registration: id), for: signedIn.actor))?.items ?? []
            let passes = (try? await service.desks.passes(DeskPassFilter(from: service.today, registration: id),
                                                          for: signedIn.actor))?.items ?? []
            let words = context.words
            let center = service.settings.center
            let document = Layout.page(record.name, context: context, switchPath: "/desk/registrations/\(id)") {
                el(.h1) { record.name }
                if let notice = PageKit.done(context) { PageKit.notice(notice) }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                PageKit.facts([
                    (words("登録番号", "Registration no."), String(record.id)),
                    (words("利用者区分", "Category"), words.category(record.category.rawValue)),
                    (words("区内・区外", "In the ward"), record.inWard ? words("区内", "In the ward") : words("区外", "Outside the ward")),
                    (words("連絡先", "Contact"), record.contact.isEmpty ? "—" : record.contact),
                    (words("有効期間", "Valid"), words.date(record.validFrom) + " 〜 " + words.date(record.validUntil)),
                    (words("状態", "Status"), status(record, words: words)),
                ])
                el(.div, .class("actions")) {
                    if record.category != .freelancer {
                        el(.a, .href(SafeURL("/desk/book?registration=\(id)")), .class("button-link")) { words("部屋を予約する", "Book a room") }
                    }
                    PageKit.button(words("利用登録を更新する", "Renew"), action: "/desk/registrations/\(id)/renew",
                                   token: signedIn.formToken)
                    PageKit.button(words("サインアップコードを発行する", "Issue a sign-up code"), action: "/desk/signup-codes",
                                   fields: [("registration", String(id))], token: signedIn.formToken)
                }
                el(.h2) { words("部屋の予約", "Room bookings") }
                if bookings.isEmpty {
                    el(.p) { words("予約はありません。", "No bookings.") }
                } else {
                    PageKit.table(words("この登録の予約", "Bookings of this registration"),
                                  headers: [words("予約番号", "No."), words("部屋", "Room"), words("利用日", "Date"),
                                            words("区分", "Divisions"), words("使用料", "Fee"), words("状態", "State")],
                                  rows: bookings.map { booking in
                                      [el(.a, .href(SafeURL("/desk/bookings/\(booking.id)"))) { String(booking.id) },
                                       .text(center.facility(booking.facility).map(words.facility) ?? booking.facility.rawValue),
                                       .text(words.date(booking.firstDate)),
                                       .text(booking.divisions.map { words.period($0.rawValue, in: center) }.joined(separator: "、")),
                                       .text(words.yen(booking.feeTotal)), .text(words.state(booking.state))]
                                  })
                }
                if !passes.isEmpty {
                    el(.h2) { words("フリーデスクの予約", "Desk passes") }
                    PageKit.table(words("これからのデスクの予約", "Coming desk passes"),
                                  headers: [words("利用日", "Date"), words("時間帯", "Period"), words("デスク", "Desk"), words("状態", "State")],
                                  rows: passes.map { pass in
                                      [.text(words.date(pass.date)), .text(words.period(pass.period, in: center)),
                                       .text(words.desk(pass.desk)), .text(words.state(pass.state))]
                                  })
                }
            }
            return PageResponse.html(document, status: refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    /// `POST /desk/registrations/{id}/renew`.
    static func renew(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _, id)):
            do {
                _ = try await context.site.service.registrations.renew(id: id, by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL("/desk/registrations/\(id)?done=renewed"), context: context)
            } catch .refused(let refusal) {
                return try await detail(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    // MARK: New

    /// What staff typed into the new registration's form.
    struct Values {
        var fields: [String: String] = [:]
        subscript(_ name: String) -> String { fields[name] ?? "" }
    }

    static let fieldNames = ["category", "name", "contact", "in_ward", "member_count", "members_in_ward", "has_bylaws",
                             "has_office_in_ward", "corporate_number", "sector", "capital_yen", "regular_employees"]

    static func newForm(_ context: PageContext, values: Values = Values(), errors: [String: String] = [:],
                        status: HTTPStatus = .ok) -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            let words = context.words
            let title = words("新しい利用登録", "New registration")
            let yesNo = [("", words("—", "—")), ("yes", words("はい", "Yes")), ("no", words("いいえ", "No"))]
            let order = fieldNames.filter { errors[$0] != nil }
            let document = Layout.page(title, context: context, switchPath: "/desk/registrations/new") {
                el(.h1) { title }
                Forms.summary(order.map { ($0, errors[$0] ?? "") } + (errors["form"].map { [("category", $0)] } ?? []), words: words)
                el(.form, .method("post"), .action("/desk/registrations"), Attribute(.novalidate), .class("stack")) {
                    Forms.token(signedIn.formToken)
                    PageKit.select(id: "category", label: words("利用者区分", "Category"),
                                   options: UserCategory.allCases.map { ($0.rawValue, words.category($0.rawValue)) },
                                   selected: values["category"].ifEmpty(UserCategory.general.rawValue), error: errors["category"],
                                   words: words)
                    Forms.field(Forms.Field(id: "name", label: words("氏名・団体名", "Name"), value: values["name"], autocomplete: "off",
                                            error: errors["name"]), words: words)
                    PageKit.optional(Forms.Field(id: "contact", label: words("連絡先（電話番号など）", "Contact (phone)"),
                                                 type: "tel", value: values["contact"], autocomplete: "off",
                                                 error: errors["contact"]), words: words)
                    PageKit.select(id: "in_ward", label: words("区内在住・在勤・在学・所在", "Lives, works or is based in the ward"),
                                   options: [("yes", words("はい（区内）", "Yes")), ("no", words("いいえ（区外）", "No"))],
                                   selected: values["in_ward"].ifEmpty("yes"), error: errors["in_ward"], words: words)
                    el(.fieldset) {
                        el(.legend) { words("確認事項（区分によって必要なもの）", "Evidence (as the category needs)") }
                        el(.p, .class("hint")) {
                            words("地域団体は構成員の人数と区内の人数、中小企業関係団体は区内の事務所、中小企業者は区内の事業所と業種・資本金または従業員数が必要です。",
                                  "Community groups: members and members in the ward. SME-related organisations: an office in the ward. Small businesses: a place of business in the ward and the sector with capital or employees.")
                        }
                        PageKit.optional(Forms.Field(id: "member_count", label: words("構成員の人数", "Members"), value: values["member_count"],
                                                     autocomplete: "off", error: errors["member_count"], inputmode: "numeric"), words: words)
                        PageKit.optional(Forms.Field(id: "members_in_ward", label: words("うち区内の人数", "Of them in the ward"),
                                                     value: values["members_in_ward"], autocomplete: "off",
                                                     error: errors["members_in_ward"], inputmode: "numeric"), words: words)
                        PageKit.select(id: "has_bylaws", label: words("規約・会則がある", "Has bylaws"), options: yesNo,
                                       selected: values["has_bylaws"], error: errors["has_bylaws"], words: words)
                        PageKit.select(id: "has_office_in_ward", label: words("区内に事務所・事業所がある", "Office in the ward"),
                                       options: yesNo, selected: values["has_office_in_ward"], error: errors["has_office_in_ward"],
                                       words: words)
                        PageKit.optional(Forms.Field(id: "corporate_number", label: words("法人番号（13桁）", "Corporate number (13 digits)"),
                                                     value: values["corporate_number"], autocomplete: "off",
                                                     error: errors["corporate_number"], inputmode: "numeric"), words: words)
                        PageKit.select(id: "sector", label: words("業種", "Sector"),
                                       options: [("", "—"), ("manufacturing_and_others", words("製造業その他", "Manufacturing and others")),
                                                 ("wholesale", words("卸売業", "Wholesale")), ("services", words("サービス業", "Services")),
                                                 ("retail", words("小売業", "Retail"))],
                                       selected: values["sector"], error: errors["sector"], words: words)
                        PageKit.optional(Forms.Field(id: "capital_yen", label: words("資本金（円）", "Capital (yen)"),
                                                     value: values["capital_yen"], autocomplete: "off", error: errors["capital_yen"],
                                                     inputmode: "numeric"), words: words)
                        PageKit.optional(Forms.Field(id: "regular_employees", label: words("常時使用する従業員の数", "Regular employees"),
                                                     value: values["regular_employees"], autocomplete: "off",
                                                     error: errors["regular_employees"], inputmode: "numeric"), words: words)
                    }
                    el(.button, .type("submit"), .class("primary")) { words("登録してサインアップコードを発行する", "Register and issue a sign-up code") }
                }
            }
            return PageResponse.html(document, status: status, context: context)
        }
    }

    /// The field a refusal of the registration's rules is about.
    static func field(of code: String) -> String {
        switch code {
        case "invalid_name": "name"
        case "invalid_contact": "contact"
        case "ward_share_too_low": "members_in_ward"
        case "too_few_members": "member_count"
        case "bylaws_required": "has_bylaws"
        case "office_in_ward_required": "has_office_in_ward"
        case "corporate_number_invalid": "corporate_number"
        case "sme_sector_required": "sector"
        case "not_an_sme": "capital_yen"
        default: "category"
        }
    }

    /// `POST /desk/registrations`: registers, issues the sign-up code, and
    /// shows the slip to print.
    static func create(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let words = context.words
            var values = Values()
            for name in fieldNames { values.fields[name] = form[name] ?? "" }
            var errors: [String: String] = [:]
            let number = { (name: String) -> Int? in
                let text = values[name].applyingHalfWidthDigits.replacingOccurrences(of: ",", with: "")
                    .trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return nil }
                guard let value = Int(text), value >= 0, text.count <= 15 else {
                    errors[name] = words("半角数字で入力してください。", "Enter a number.")
                    return nil
                }
                return value
            }
            let flag = { (name: String) -> Bool? in values[name] == "yes" ? true : values[name] == "no" ? false : nil }
            guard let category = UserCategory(rawValue: values["category"]) else {
                return newForm(context, values: values, errors: ["category": words("利用者区分を選んでください。", "Choose a category.")],
                               status: .unprocessableContent)
            }
            if values["name"].trimmingCharacters(in: .whitespaces).isEmpty {
                errors["name"] = words("氏名・団体名を入力してください。", "Enter the name.")
            }
            let evidence = RegistrationEvidence(memberCount: number("member_count"), membersInWard: number("members_in_ward"),
                                                hasBylaws: flag("has_bylaws"), hasOfficeInWard: flag("has_office_in_ward"),
                                                corporateNumber: values["corporate_number"].isEmpty ? nil : values["corporate_number"],
                                                sector: SMESector(rawValue: values["sector"]), capitalYen: number("capital_yen"),
                                                regularEmployees: number("regular_employees"))
            guard errors.isEmpty else { return newForm(context, values: values, errors: errors, status: .unprocessableContent) }
            let input = RegistrationInput(category: category, name: values["name"], contact: values["contact"],
                                          inWard: values["in_ward"] != "no", evidence: evidence)
            let service = context.site.service
            let record: RegistrationRecord
            do {
                guard let made = try await service.registrations.register(input, by: signedIn.actor).value else {
                    return PageRoutes.notFound(context)
                }
                record = made
            } catch .refused(let refusal) {
                return newForm(context, values: values, errors: [field(of: refusal.codeName): words.refusal(refusal)],
                               status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
            do {
                let issued = try await service.signIn.issueSignUpCode(registration: record.id, by: signedIn.actor)
                return PageResponse.html(SignUpSlipPage.render(context: context, issued: issued, newRegistration: record),
                                         status: .created, context: context)
            } catch .refused(let refusal) {
                return PageRoutes.refusalPage(refusal, context: context, back: "/desk/registrations/\(record.id)")
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
