import CenterService
import HTTPServer
import Synchronization

/// The service's metrics for `GET /metrics` (Prometheus): requests by route
/// and status with latency histograms, every response by status (including
/// the server's own 4xx for malformed requests), open connections, and the
/// store's write batches and commit latency.
public final class APIMetrics: Sendable {
    private struct RouteKey: Hashable {
        let route: String
        let method: String
    }

    /// One route and method's counters: answers by status, and latency.
    private struct RouteCounters {
        let key: RouteKey
        var statuses: [Int: Int] = [:]
        var latency = LatencyHistogram()
    }

    private struct State {
        /// Where each route and method's counters are in `counters`.
        var slots: [RouteKey: Int] = [:]
        var counters: [RouteCounters] = []
        var responses: [Int: Int] = [:]
        var openConnections: (@Sendable () -> Int)?
        var unlisted: [String] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts a request answered by route `route` (the pattern, e.g.
    /// `/bookings/{id}`, so the label set stays small).
    func recordRoute(_ route: String, method: String, status: Int, seconds: Double) {
        recordRoute(slot: slot(route, method: method), status: status, seconds: seconds)
    }

    /// The place of `route` and `method`'s counters, to be found once (when
    /// the router is built) and counted into with `recordRoute(slot:…)`
    /// without hashing the route on every answer.
    func slot(_ route: String, method: String) -> Int {
        let key = RouteKey(route: route, method: method)
        return state.withLock { s in
            if let slot = s.slots[key] { return slot }
            s.counters.append(RouteCounters(key: key))
            s.slots[key] = s.counters.count - 1
            return s.counters.count - 1
        }
    }

    /// Counts an answer into the counters at `slot` (from `slot(_:method:)`).
    func recordRoute(slot: Int, status: Int, seconds: Double) {
        state.withLock { s in
            guard s.counters.indices.contains(slot) else { return }
            s.counters[slot].statuses[status, default: 0] += 1
            s.counters[slot].latency.record(seconds)
        }
    }

    /// Notes a refusal answered that its operation does not list in the
    /// OpenAPI document (a defect: the use case threw a code its type does
    /// not declare); also logged at `error`.
    func recordUnlisted(_ code: String, route: String, method: String) {
        state.withLock { $0.unlisted.append("\(method) \(route): \(code)") }
    }

    /// Every refusal answered so far that its operation does not list, as
    /// `METHOD route: code`: none, unless a code escaped its declaration.
    public var unlistedRefusals: [String] { state.withLock { $0.unlisted } }

    /// Counts every response the server wrote (hook it to the access log).
    public func recordResponse(_ entry: AccessLogEntry) {
        state.withLock { $0.responses[entry.status, default: 0] += 1 }
    }

    /// Where the open-connection gauge reads from (the running server).
    public func observeConnections(_ gauge: @escaping @Sendable () -> Int) {
        state.withLock { $0.openConnections = gauge }
    }

    /// The exposition text, with the writer's statistics and any extra gauges
    /// (`name`, labels, value) the service adds.
    func render(writer: WriterFigures, bookings: [(state: String, count: Int)], backups: BackupStatus? = nil,
                databaseDamaged: Bool = false) -> String {
        let s = state.withLock { $0 }
        var out = PrometheusText()
        out.family("nakano_http_requests_total", "counter", "Requests answered by an API route, by route, method and status.")
        let counted = s.counters.filter { $0.latency.count > 0 }
            .sorted { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) }
        for counters in counted {
            let key = counters.key
            for (status, count) in counters.statuses.sorted(by: { $0.key < $1.key }) {
                out.sample("nakano_http_requests_total", [("route", key.route), ("method", key.method), ("status", String(status))], count)
            }
        }
        out.family("nakano_http_request_duration_seconds", "histogram", "Time to answer a request of an API route.")
        for counters in counted {
            let key = counters.key, histogram = counters.latency
            let labels = [("route", key.route), ("method", key.method)]
            for (le, count) in histogram.cumulative {
                out.sample("nakano_http_request_duration_seconds_bucket", labels + [("le", le)], count)
            }
            out.sample("nakano_http_request_duration_seconds_sum", labels, histogram.sum)
            out.sample("nakano_http_request_duration_seconds_count", labels, histogram.count)
        }
        out.family("nakano_http_responses_total", "counter", "Every response written, by status, including the server's own errors.")
        for (status, count) in s.responses.sorted(by: { $0.key < $1.key }) {
            out.sample("nakano_http_responses_total", [("status", String(status))], count)
        }
        out.family("nakano_http_open_connections", "gauge", "Client connections open now.")
        out.sample("nakano_http_open_connections", [], s.openConnections?() ?? 0)
        out.family("nakano_store_write_batches_total", "counter", "Write transactions committed by the single writer (group commit).")
        out.sample("nakano_store_write_batches_total", [], writer.batchesCommitted)
        out.family("nakano_store_writes_total", "counter", "Writes by outcome: committed, refused by a rule (rolled back alone), failed with their batch.")
        out.sample("nakano_store_writes_total", [("outcome", "committed")], writer.itemsCommitted)
        out.sample("nakano_store_writes_total", [("outcome", "refused")], writer.itemsRefused)
        out.sample("nakano_store_writes_total", [("outcome", "failed")], writer.itemsFailed)
        out.family("nakano_store_write_batch_size", "histogram", "Writes per committed transaction.")
        let bounds = [1, 2, 4, 8, 16, 32, 64]
        for (bound, count) in writer.cumulativeBatchSizes(upperBounds: bounds) {
            out.sample("nakano_store_write_batch_size_bucket", [("le", String(bound))], count)
        }
        let batches = writer.batchSizeHistogram.values.reduce(0, +)
        out.sample("nakano_store_write_batch_size_bucket", [("le", "+Inf")], batches)
        out.sample("nakano_store_write_batch_size_sum", [], writer.batchSizeHistogram.reduce(0) { $0 + $1.key * $1.value })
        out.sample("nakano_store_write_batch_size_count", [], batches)
        out.family("nakano_store_commit_seconds_total", "counter", "Time spent in COMMIT (the fsync), summed.")
        out.sample("nakano_store_commit_seconds_total", [], Self.seconds(writer.totalCommitLatency))
        out.family("nakano_store_last_commit_seconds", "gauge", "Duration of the most recent COMMIT.")
        out.sample("nakano_store_last_commit_seconds", [], Self.seconds(writer.lastCommitLatency))
        out.family("nakano_store_writer_pages_total", "counter",
                   "The writer connection's page cache: pages written (the WAL frames of its commits), found in the cache (hit), read from the file (miss).")
        out.sample("nakano_store_writer_pages_total", [("event", "written")], writer.pagesWritten)
        out.sample("nakano_store_writer_pages_total", [("event", "hit")], writer.cacheHits)
        out.sample("nakano_store_writer_pages_total", [("event", "miss")], writer.cacheMisses)
        out.family("nakano_store_wal_checkpoints_total", "counter",
                   "WAL checkpoints a commit caused: run by the writer inside COMMIT, or asked of the checkpointer's connection (background); the one-second timer's are not counted.")
        out.sample("nakano_store_wal_checkpoints_total", [("by", "writer")], writer.writerCheckpoints)
        out.sample("nakano_store_wal_checkpoints_total", [("by", "background")], writer.backgroundCheckpoints)
        out.family("nakano_store_damaged", "gauge", "1 once a query has met a damaged or unreadable database file (SQLITE_CORRUPT, SQLITE_IOERR) since the start.")
        out.sample("nakano_store_damaged", [], databaseDamaged ? 1 : 0)
        if let backups {
            out.family("nakano_backups", "gauge", "Daily backups in the backup folder.")
            out.sample("nakano_backups", [], backups.count)
            out.family("nakano_backup_failures_total", "counter", "Daily backups that failed since the start.")
            out.sample("nakano_backup_failures_total", [], backups.failures)
            if let newest = backups.newest, let age = backups.newestAgeSeconds {
                out.family("nakano_backup_newest_age_seconds", "gauge", "Seconds since the newest daily backup was taken (absent while there is none).")
                out.sample("nakano_backup_newest_age_seconds", [], Int(age))
                out.family("nakano_backup_newest_bytes", "gauge", "Size of the newest daily backup.")
                out.sample("nakano_backup_newest_bytes", [], newest.bytes)
            }
        }
        if !bookings.isEmpty {
            out.family("nakano_bookings", "gauge", "Room bookings by state.")
            for entry in bookings { out.sample("nakano_bookings", [("state", entry.state)], entry.count) }
        }
        return out.text
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
