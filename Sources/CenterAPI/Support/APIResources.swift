import CenterService
import HTTPServer

/// Responses that depend only on the configuration, built once when the
/// router is made and shared by every request.
public struct APIResources: Sendable {
    let catalogue: HTTPResponse

    init(service: CenterService) {
        catalogue = CatalogueEndpoints.catalogue(service.settings.center)
    }
}
