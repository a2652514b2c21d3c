/// What a registration is recognised by when a new one is entered
/// (重複登録の確認): its name, its telephone number and its corporate number
/// (法人番号).
public struct RegistrationIdentity: Hashable, Sendable {
    /// The stored registration's id; empty for the application being entered.
    public let id: String
    public let name: String
    /// The contact as stored; only a Japanese phone number in it is compared.
    public let contact: String
    /// The corporate number as recorded, if any.
    public let corporateNumber: String?

    public init(id: String = "", name: String, contact: String, corporateNumber: String? = nil) {
        self.id = id
        self.name = name
        self.contact = contact
        self.corporateNumber = corporateNumber
    }
}

/// A stored registration that a new one may duplicate, and why.
public struct DuplicateMatch: Hashable, Sendable {
    /// Why two registrations look like one user.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// The same name (`NameFolding.identityKey`) and the same phone number.
        case nameAndPhone = "name_and_phone"
        /// The same corporate number.
        case corporateNumber = "corporate_number"
    }

    public let registration: String
    /// In `Reason` order; never empty.
    public let reasons: [Reason]
}

/// Duplicate registrations (重複登録): a new registration matches a stored one
/// when their names are the same once folded (`NameFolding.identityKey`:
/// width, kana, spaces, old kanji forms and the legal-entity words do not
/// count) and their phone numbers are the same digits (`PhoneNumber`), or
/// when their corporate numbers are the same 13 digits. A contact that is
/// not a phone number (an e-mail address) matches nothing, nor does a
/// corporate number that fails its check digit.
///
/// A match is refused as `possible_duplicate` unless staff confirm that the
/// applicant is a different user (`confirm_new`): two 山田 花子 may share a
/// household phone, and a company may rightly hold a second registration for
/// a group of its workers. Our decision: one user holding two registrations
/// (and so two monthly limits) is caught at the counter, never silently, but
/// staff have the last word.
public enum DuplicateRegistration {
    /// The stored registrations `applicant` matches, in the order given.
    public static func matches(of applicant: RegistrationIdentity, among stored: [RegistrationIdentity]) -> [DuplicateMatch] {
        let name = NameFolding.identityKey(applicant.name)
        let phone = PhoneNumber(applicant.contact)
        let corporate = applicant.corporateNumber.flatMap { try? CorporateNumber($0) }
        return stored.compactMap { other in
            var reasons: [DuplicateMatch.Reason] = []
            if !name.isEmpty, let phone, PhoneNumber(other.contact) == phone, NameFolding.identityKey(other.name) == name {
                reasons.append(.nameAndPhone)
            }
            if let corporate, let recorded = other.corporateNumber, corporate.matches(recorded) {
                reasons.append(.corporateNumber)
            }
            return reasons.isEmpty ? nil : DuplicateMatch(registration: other.id, reasons: reasons)
        }
    }

    /// Refuses `possible_duplicate` (409) when there are `matches` and staff
    /// have not confirmed a new user (details: `registrations`, the matched
    /// ids joined by commas, and `reasons`, each id's reasons as
    /// `id:reason+reason`).
    public static func check(_ matches: [DuplicateMatch], confirmNew: Bool) throws(Refusal<DuplicateRegistration.Code>) {
        guard !matches.isEmpty, !confirmNew else { return }
        let ids = matches.map(\.registration).joined(separator: ",")
        throw Refusal(.possibleDuplicate, "This looks like registration \(ids) already on file (the same name and phone, or the same corporate number); check it, or send \"confirm_new\": true to register a different user.",
                      details: ["registrations": ids,
                                "reasons": matches.map { $0.registration + ":" + $0.reasons.map(\.rawValue).joined(separator: "+") }
                                    .joined(separator: ",")])
    }
}

extension DuplicateRegistration {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case possibleDuplicate = "possible_duplicate"
    }
}
