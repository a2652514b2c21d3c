import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `GET /metrics` in the Prometheus text format. Staff or admin tokens only
/// (Prometheus sends one with `authorization: credentials_file`).
enum MetricsEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/metrics", summary: "Prometheus metrics: requests, latency, connections, write batches, commits, bookings by state, backups",
                     tag: "system", access: .staff, response: ["type": "string"],
                     contentType: "text/plain; version=0.0.4", refusals: NoRefusal.self) { context in
                let bookings = try await context.service.bookings.countsByState()
                let text = context.resources.metrics.render(writer: context.service.housekeeping.writer, bookings: bookings,
                                                            backups: context.service.housekeeping.backupStatus(),
                                                            databaseDamaged: context.service.housekeeping.databaseDamaged)
                return HTTPResponse(status: .ok, headers: ["content-type": "text/plain; version=0.0.4; charset=utf-8"],
                                    body: Array(text.utf8))
            },
        ]
    }
}
