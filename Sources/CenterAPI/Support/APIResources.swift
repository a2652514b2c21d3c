import CenterService
import HTTPServer

/// Responses that depend only on the configuration, built once when the
/// router is made and shared by every request.
public struct APIResources: Sendable {
    let catalogue: HTTPResponse
    let metrics: APIMetrics

    init(service: CenterService, metrics: APIMetrics) {
        catalogue = CatalogueEndpoints.catalogue(service.settings.center)
        self.metrics = metrics
    }
}
