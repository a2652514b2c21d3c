import CenterDomain
import HTTPServer
import Testing
@testable import CenterAPI

/// `/facilities` answers from bodies encoded once (`APIResources`): each is
/// the encoding of the configuration it is kept for, and the answer through
/// HTTP, immediate or not, is that body.
@Suite(.serialized) struct CatalogueCacheTests {
    @Test func eachKindsCachedBodyIsTheEncodingOfItsFacilities() async throws {
        try await withTestServer { server in
            let resources = APIResources(service: server.service, metrics: APIMetrics())
            for kind in FacilityKind.allCases {
                var center = server.service.settings.center
                center.facilities = center.facilities.filter { $0.kind == kind }
                #expect(resources.catalogueByKind[kind]?.body == CatalogueEndpoints.catalogue(center).body, "\(kind)")
            }
            #expect(resources.catalogue.body == CatalogueEndpoints.catalogue(server.service.settings.center).body)
        }
    }

    @Test func aKindIsAnsweredWithItsCachedBody() async throws {
        try await withTestServer { server in
            let resources = APIResources(service: server.service, metrics: APIMetrics())
            let response = try await server.client().send("GET", "/facilities?kind=room")
            #expect(response.status == 200)
            #expect(response.body == resources.catalogueByKind[.room]?.body)
        }
    }

    @Test func anUnknownKindIsStillRefusedWithItsCode() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/facilities?kind=castle")
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_parameter")
        }
    }

    @Test func aBadTokenIsStillRefusedOnTheCatalogue() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/facilities", token: "nkc_wrong")
            #expect(response.status == 401)
            #expect(response.errorCode == "invalid_token")
        }
    }
}
