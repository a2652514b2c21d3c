import CenterService
import HTTPServer

/// Responses that depend only on the configuration, built once when the
/// router is made and shared by every request.
public struct APIResources: Sendable {
    let catalogue: HTTPResponse
    let metrics: APIMetrics
    /// The Japanese names of the facilities and divisions, for messages.
    let names: [String: String]

    init(service: CenterService, metrics: APIMetrics) {
        catalogue = CatalogueEndpoints.catalogue(service.settings.center)
        self.metrics = metrics
        let center = service.settings.center
        names = Dictionary(center.facilities.map { ($0.id.rawValue, $0.nameJa) } + center.divisions.map { ($0.id.rawValue, $0.nameJa) },
                           uniquingKeysWith: { first, _ in first })
    }
}
