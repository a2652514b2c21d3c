import CenterDomain
import CenterService
import HTTPServer

/// Responses that depend only on the configuration, built once when the
/// router is made and shared by every request.
public struct APIResources: Sendable {
    let catalogue: HTTPResponse
    /// `/facilities?kind=…`, one body per kind.
    let catalogueByKind: [FacilityKind: HTTPResponse]
    let metrics: APIMetrics
    /// `/health`'s probe of the database.
    let health: HealthProbe
    /// The Japanese names of the facilities and divisions, for messages.
    let names: [String: String]
    /// The refusals' answers already made with `names` (`RefusalAnswers`).
    let refusalAnswers = RefusalAnswers()

    init(service: CenterService, metrics: APIMetrics) {
        catalogue = CatalogueEndpoints.catalogue(service.settings.center)
        catalogueByKind = Dictionary(uniqueKeysWithValues: FacilityKind.allCases.map {
            ($0, CatalogueEndpoints.catalogue(service.settings.center, kind: $0))
        })
        self.metrics = metrics
        health = HealthProbe(service: service)
        names = APIResponse.names(of: service.settings.center)
    }
}
