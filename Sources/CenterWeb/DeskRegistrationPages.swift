import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// 利用登録 (staff): find a registration by name, フリガナ, phone or
/// corporate number, open it (renew it, issue a
/// sign-up code, book a room for it, its bookings), and register a new one
/// (warned of a possible duplicate on file), which ends on the printed slip
/// with its sign-up code.
enum DeskRegistrationPages {
    // MARK: Find

    /// What the counter's one search box was given, as `GET /registrations`
    /// reads it: a corporate number (13 digits with a valid check digit),
    /// phone digits (only digits and separators, at least four, so the
    /// last four digits of a number find it), or else a name or フリガナ.
    static func search(typed: String) throws(Refusal<NameQuery.Code>) -> RegistrationSearch {
        let letters = typed.unicodeScalars.contains { $0.properties.isAlphabetic && !("０"..."９").contains($0) }
        if !letters, let number = try? CorporateNumber(typed) { return RegistrationSearch(corporateNumber: number) }
        if !letters, let digits = RegistrationSearch.phoneDigits(typed) { return RegistrationSearch(phoneDigits: digits) }
        return RegistrationSearch(name: try NameQuery(typed), limit: findLimit)
    }

    /// The most registrations a search page lists.
    static let findLimit = 50

    static func search(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success:
            let words = context.words
            let query = context.request.queryValue("q") ?? ""
            var found: [RegistrationRecord]?
            var error: String?
            if !query.isEmpty {
                switch Result(catching: { () throws(Refusal<NameQuery.Code>) in try search(typed: query) }) {
                case .success(let asked): found = try await context.site.service.registrations.search(asked)
                case .failure(let refusal): error = words.refusal(refusal)
                }
            }
            let title = words("利用登録", "Registrations")
            let document = Layout.page(title, context: context, switchPath: "/desk/registrations") {
                el(.h1) { title }
                Forms.summary(error.map { [("q", $0)] } ?? [], words: words)
                el(.form, .method("get"), .action("/desk/registrations"), .class("stack"), Attribute(.role, "search")) {
                    Forms.field(Forms.Field(id: "q", label: words("氏名・フリガナ・電話番号・法人番号", "Name, kana, phone or corporate number"),
                                            type: "search", value: query, autocomplete: "off",
                                            hint: words("名前は一部だけでも、ひらがな・カタカナ、全角・半角どちらでも探せます。電話番号は下4桁でも探せます。",
                                                        "Part of a name is enough, in either kana and either width; the last four digits find a phone number."),
                                            error: error), words: words, required: false)
                    el(.button, .type("submit"), .class("primary")) { words("探す", "Search") }
                }
                if let found {
                    if found.isEmpty {
                        el(.p) { words("「\(query)」に当たる登録はありません。", "No registration matches “\(query)”.") }
                    } else {
                        PageKit.table(words("「\(query)」の検索結果（\(found.count)件）", "Results for “\(query)” (\(found.count))"),
                                      headers: [words("登録番号", "No."), words("氏名・団体名", "Name"), words("フリガナ", "Kana"),
                                                words("連絡先", "Contact"), words("利用者区分", "Category"),
                                                words("有効期限", "Valid until"), words("状態", "Status")],
                                      rows: found.map { record in
                                          [el(.a, .href(SafeURL("/desk/registrations/\(record.id)"))) { String(record.id) },
                                           .text(record.name), .text(record.nameKana ?? "—"), .text(record.contact.isEmpty ? "—" : record.contact),
                                           .text(words.category(record.category.rawValue)),
                                           .text(words.date(record.validUntil)), .text(status(record, words: words))]
                                      })
                        if found.count == findLimit {
                            el(.p, .class("hint")) { words("最初の\(findLimit)件です。もっと詳しく入力してください。", "The first \(findLimit); type more to narrow it.") }
                        }
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
                    (words("フリガナ", "Kana"), record.nameKana ?? "—"),
                    (words("連絡先", "Contact"), record.contact.isEmpty ? "—" : record.contact),
                    (words("住所", "Address"), record.postalAddress?.description ?? "—"),
                    (words("登録の発行者", "Issued by"), words(record.issuerNameJa, record.issuer.nameEn)),
                    (words("有効期間", "Valid"), words.date(record.validFrom) + " 〜 " + words.date(record.validUntil)),
                    (words("状態", "Status"), status(record, words: words)),
                ])
                el(.div, .class("actions")) {
                    if record.category != .freelancer {
                        el(.a, .href(SafeURL("/desk/book?registration=\(id)")), .class("button-link")) { words("部屋を予約する", "Book a room") }
                        el(.a, .href(SafeURL("/desk/series/new?registration=\(id)")), .class("button-link secondary")) { words("定期利用で予約する", "Book a series") }
                        el(.a, .href(SafeURL("/desk/lottery?registration=\(id)")), .class("button-link secondary")) { words("抽選の申込み", "Lottery entries") }
                        el(.a, .href(SafeURL("/desk/waiting?registration=\(id)")), .class("button-link secondary")) { words("キャンセル待ち", "Waiting list") }
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

    static let fieldNames = ["category", "name", "name_kana", "contact", "postal_code", "address", "in_ward", "member_count",
                             "members_in_ward", "has_bylaws", "has_office_in_ward", "corporate_number", "sector", "capital_yen",
                             "regular_employees", "confirm_new"]

    static func newForm(_ context: PageContext, values: Values = Values(), errors: [String: String] = [:],
                        duplicates: [RegistrationMatch] = [], status: HTTPStatus = .ok) -> HTTPResponse {
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
                    PageKit.optional(Forms.Field(id: "name_kana", label: words("フリガナ", "Name in kana"), value: values["name_kana"],
                                                 autocomplete: "off", hint: words("カタカナかひらがなで（例：ヤマダ ショウテン）", "In katakana or hiragana"),
                                                 error: errors["name_kana"]), words: words)
                    PageKit.optional(Forms.Field(id: "contact", label: words("連絡先（電話番号など）", "Contact (phone)"),
                                                 type: "tel", value: values["contact"], autocomplete: "off",
                                                 error: errors["contact"]), words: words)
                    PageKit.optional(Forms.Field(id: "postal_code", label: words("郵便番号", "Postal code"), value: values["postal_code"],
                                                 autocomplete: "off", hint: words("例：164-0001", "e.g. 164-0001"),
                                                 error: errors["postal_code"], inputmode: "numeric"), words: words)
                    PageKit.optional(Forms.Field(id: "address", label: words("住所", "Address"), value: values["address"],
                                                 autocomplete: "off", hint: words("郵便番号と住所は両方入力します。", "Give the postal code and the address together."),
                                                 error: errors["address"]), words: words)
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
                    if !duplicates.isEmpty { duplicateWarning(duplicates, error: errors["confirm_new"], words: words) }
                    el(.button, .type("submit"), .class("primary")) { words("登録してサインアップコードを発行する", "Register and issue a sign-up code") }
                }
            }
            return PageResponse.html(document, status: status, context: context)
        }
    }

    /// 重複の確認: the registrations on file a new one may duplicate, each
    /// linked with why it matched, and the box staff tick when it is a
    /// different user after all (`confirm_new`).
    static func duplicateWarning(_ matches: [RegistrationMatch], error: String?, words: Words) -> Node {
        el(.fieldset, .class("duplicates"), .id("confirm_new-group")) {
            el(.legend) { words("同じ利用者の登録がすでにあるかもしれません", "This user may be registered already") }
            if let error { el(.p, .class("error"), .id("confirm_new-error")) { error } }
            el(.p, .class("hint")) {
                words("下の登録を開いて確かめてください。同じ方なら、その登録を使います。別の方なら「確認しました」にチェックして、もう一度登録してください。",
                      "Open the registrations below to compare. If it is the same user, use that one; if not, tick the box and register again.")
            }
            el(.ul) {
                for match in matches {
                    el(.li) {
                        el(.a, .href(SafeURL("/desk/registrations/\(match.registration.id)"))) {
                            words("登録番号 \(match.registration.id)", "No. \(match.registration.id)") + "　" + match.registration.name
                        }
                        "　" + match.reasons.map { reason in
                            reason == "corporate_number" ? words("法人番号が同じ", "same corporate number")
                                : words("氏名と電話番号が同じ", "same name and phone")
                        }.joined(separator: "、")
                    }
                }
            }
            el(.div, .class("field check")) {
                el(.input, attributes: [.type("checkbox"), .id("confirm_new"), .name("confirm_new"), .value("yes")]
                   + (error == nil ? [] : [.aria("describedby", "confirm_new-error")]))
                el(.label, .for("confirm_new")) { words("確認しました。別の利用者として登録します", "Checked: register a different user") }
            }
        }
    }

    /// The field a refusal of the registration's rules is about.
    static func field(of code: String) -> String {
        switch code {
        case "invalid_name": "name"
        case "name_kana_invalid": "name_kana"
        case "postal_code_invalid": "postal_code"
        case "address_invalid": "address"
        case "possible_duplicate": "confirm_new"
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
            let optional = { (name: String) -> String? in
                let text = values[name].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let input = RegistrationInput(category: category, name: values["name"], nameKana: optional("name_kana"),
                                          contact: values["contact"], postalCode: optional("postal_code"), address: optional("address"),
                                          inWard: values["in_ward"] != "no", evidence: evidence,
                                          confirmNew: values["confirm_new"] == "yes")
            let service = context.site.service
            let record: RegistrationRecord
            do {
                guard let made = try await service.registrations.register(input, by: signedIn.actor).value else {
                    return PageRoutes.notFound(context)
                }
                record = made
            } catch .refused(let refusal) {
                return newForm(context, values: values, errors: [field(of: refusal.codeName): words.refusal(refusal)],
                               duplicates: refusal.attachment?.value as? [RegistrationMatch] ?? [],
                               status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
            do {
                let issued = try await service.signIn.issueSignUpCode(registration: record.id, by: signedIn.actor)
                return PageResponse.html(SignUpSlipPage.render(context: context, issued: issued, registration: record, isNew: true),
                                         status: .created, context: context)
            } catch .refused(let refusal) {
                return PageRoutes.refusalPage(refusal, context: context, back: "/desk/registrations/\(record.id)")
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
