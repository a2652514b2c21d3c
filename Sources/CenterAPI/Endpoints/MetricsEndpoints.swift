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
                     contentType: "text/plain; version=0.0.4") { context in
                let bookings = try await context.service.bookingCountsByState()
                let text = context.resources.metrics.render(writer: context.service.pool.statistics, bookings: bookings,
                                                            backups: context.service.backupStatus(),
                                                            databaseDamaged: context.service.pool.fault != nil)
                return HTTPResponse(status: .ok, headers: ["content-type": "text/plain; version=0.0.4; charset=utf-8"],
                                    body: Array(text.utf8))
            },
        ]
    }
}
