import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `GET /facilities`: every facility of the ordinance (Art. 4) and the
/// renovation, with its divisions and fee per division.
enum CatalogueEndpoints {
    struct DivisionView: Encodable {
        let id: String
        let nameJa: String
        let nameEn: String
        let start: String
        let end: String
        let fee: Int?

        enum CodingKeys: String, CodingKey {
            case id, start, end, fee
            case nameJa = "name_ja"
            case nameEn = "name_en"
        }
    }

    struct FacilityView: Encodable {
        let id: String
        let kind: String
        let category: Int?
        let nameJa: String
        let nameEn: String
        let floor: Int?
        let capacity: Int
        let bookable: Bool
        let quotaFacility: Bool
        let placeholder: Bool
        let divisions: [DivisionView]

        enum CodingKeys: String, CodingKey {
            case id, kind, category, floor, capacity, bookable, placeholder, divisions
            case nameJa = "name_ja"
            case nameEn = "name_en"
            case quotaFacility = "quota_facility"
        }
    }

    /// The catalogue, or the facilities of one `kind`: the bodies encoded
    /// once (`APIResources.catalogue`, `catalogueByKind`).
    static func answer(_ context: RequestContext) throws -> HTTPResponse {
        guard let kind = try context.request.choiceQuery("kind", FacilityKind.allCases.map(\.rawValue))
            .flatMap(FacilityKind.init(rawValue:)) else { return context.resources.catalogue }
        return context.resources.catalogueByKind[kind] ?? catalogue(context.service.settings.center, kind: kind)
    }

    /// The catalogue as JSON, every facility or those of `kind`. It comes
    /// from the configuration alone (`CenterSettings.center`, fixed for the
    /// life of the process: a change of `Config/` takes a restart, and
    /// closures are not part of it), so each body is encoded once, when the
    /// router is built, and never goes stale.
    static func catalogue(_ center: CenterConfiguration, kind: FacilityKind? = nil) -> HTTPResponse {
        var configuration = center
        if let kind { configuration.facilities = configuration.facilities.filter { $0.kind == kind } }
        return catalogue(configuration)
    }

    static func catalogue(_ configuration: CenterConfiguration) -> HTTPResponse {
        let divisions = Dictionary(configuration.divisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let views = configuration.facilities.map { facility in
            FacilityView(id: facility.id.rawValue, kind: facility.kind.rawValue, category: facility.category,
                         nameJa: facility.nameJa, nameEn: facility.nameEn, floor: facility.floor,
                         capacity: facility.capacity, bookable: facility.bookable,
                         quotaFacility: facility.isQuotaFacility, placeholder: facility.placeholder,
                         divisions: facility.divisions.compactMap { id in
                             divisions[id].map { DivisionView(id: $0.id.rawValue, nameJa: $0.nameJa, nameEn: $0.nameEn,
                                                              start: $0.start, end: $0.end, fee: facility.fees[id]) }
                         })
        }
        return APIResponse.json(views)
    }

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/facilities", summary: "The catalogue: rooms, desks, lockers and storage bays with divisions and fees",
                     tag: "facilities", access: .anyone,
                     parameters: [QueryParameter("kind", schema: ["type": "string", "enum": .array(FacilityKind.allCases.map { .string($0.rawValue) })],
                                                 "Only facilities of this kind")],
                     response: ["type": "array", "items": Schemas.ref("Facility")], refusals: NoRefusal.self,
                     placement: .onLoop,
                     immediate: { context in try answer(context) }) { context in
                try answer(context)
            },
        ]
    }
}
