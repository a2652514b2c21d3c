import CenterDomain
internal import Store

/// What a registration is found and matched by, as stored beside it
/// (migration 9): its name and フリガナ folded for search
/// (`NameFolding.searchKey`), its name folded for identity
/// (`NameFolding.identityKey`, duplicate registrations) and its corporate
/// number's 13 digits when the evidence holds a valid one. An erased
/// registration has empty keys and no number: it is found by nobody.
struct RegistrationKeys: Equatable {
    let nameKey: String
    let kanaKey: String
    let identityKey: String
    let corporateNumber: String?

    init(name: String, nameKana: String?, evidence: RegistrationEvidence, erased: Bool = false) {
        guard !erased else {
            nameKey = ""
            kanaKey = ""
            identityKey = ""
            corporateNumber = nil
            return
        }
        nameKey = NameFolding.searchKey(name)
        kanaKey = nameKana.map(NameFolding.searchKey) ?? ""
        identityKey = NameFolding.identityKey(name)
        corporateNumber = evidence.corporateNumber.flatMap { try? CorporateNumber($0).digits }
    }

    /// `name_key = ?, kana_key = ?, identity_key = ?, corporate_number = ?`.
    static let assignments = "name_key = ?, kana_key = ?, identity_key = ?, corporate_number = ?"

    /// The values of `assignments`, in order.
    var values: [SQLValue] {
        [.text(nameKey), .text(kanaKey), .text(identityKey), corporateNumber.map { .text($0) } ?? .null]
    }

    /// Stores the keys of registration `id`.
    func store(_ db: Database, registration id: Int64) throws {
        try db.run("UPDATE registrations SET \(Self.assignments) WHERE id = ?", values + [.integer(id)])
    }
}
