extension HTTPServer {
    /// Every limit and timeout of the server, with its default. Sizes map to
    /// the parser's `HTTPParserLimits`; durations are `Duration`s.
    public struct Configuration: Sendable {
        /// IPv4 address to bind. Default "127.0.0.1".
        public var host: String = "127.0.0.1"
        /// TCP port; 0 binds an ephemeral port (read it from `HTTPServer.port`). Default 8080.
        public var port: Int = 8080
        /// Number of epoll event loops, one thread each. Default: active processor count.
        public var eventLoopCount: Int = HTTPServer.activeProcessorCount
        /// A listening socket per loop (`SO_REUSEPORT`), so that the kernel
        /// spreads connections evenly between the loops, rather than one the
        /// loops share, which a burst of connects leaves mostly to whichever
        /// loop woke first (docs/SERVER.md 1.16). Default true.
        public var listenerPerLoop: Bool = true
        /// Request line cap in octets; over it: 414 (RFC 9112 §3). Default 8192.
        public var maxRequestLineBytes: Int = 8192
        /// Header section cap; over it: 431 (RFC 6585 §5). Default 32768.
        public var maxHeaderBytes: Int = 32768
        /// Most header fields; over it: 431. Default 100.
        public var maxHeaderFields: Int = 100
        /// Longest field line; over it: 431. Default 8192.
        public var maxHeaderFieldBytes: Int = 8192
        /// Largest decoded body; over it: 413 and close (RFC 9110 §15.5.14). Default 1 MiB.
        public var maxBodyBytes: Int = 1 << 20
        /// Longest chunk extension; over it: 400 (RFC 9112 §7.1.1). Default 256.
        public var maxChunkExtensionBytes: Int = 256
        /// Whole head within this time of its first byte, else 408 and close (a
        /// total, not per read: the slowloris defence, RFC 9112 §9.5). Silent
        /// close if nothing arrived. Default 10 s.
        public var headerTimeout: Duration = .seconds(10)
        /// Keep-alive idle time between requests before a silent close. Default 60 s.
        public var idleTimeout: Duration = .seconds(60)
        /// Whole body within this time of the end of the head, else 408 and close. Default 30 s.
        public var bodyTimeout: Duration = .seconds(30)
        /// A response must be written within this time, else the connection is
        /// closed (slow readers). Default 30 s.
        public var writeTimeout: Duration = .seconds(30)
        /// A handler answering later than this is replaced by 503 and the
        /// connection closed; the handler task is cancelled. Default 30 s.
        public var handlerTimeout: Duration = .seconds(30)
        /// How long a closing connection drains input after `shutdown(SHUT_WR)`
        /// before `close` (lingering close, RFC 9112 §9.6). Default 2 s.
        public var lingerTimeout: Duration = .seconds(2)
        /// Concurrent connection cap; a connection over it is accepted, answered
        /// 503 with `Retry-After` (RFC 9110 §15.6.4) and closed. Default 12 000.
        public var maxConnections: Int = 12_000
        /// Requests parsed ahead while a response is in flight; once this many
        /// wait, the connection stops reading (NIO's HTTPServerPipelineHandler
        /// policy, bounding memory per connection). Default 1.
        public var maxPipelinedRequests: Int = 1
        /// `listen(2)` backlog. Default 4096.
        public var listenBacklog: Int = 4096
        /// How long `shutdown()` lets in-flight requests finish and flush before
        /// closing everything. Default 10 s.
        public var shutdownGracePeriod: Duration = .seconds(10)
        /// Seconds sent in `Retry-After` with the over-capacity 503. Default 1.
        public var retryAfterSeconds: Int = 1

        public init() {}

        var parserLimits: HTTPParserLimits {
            HTTPParserLimits(maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes,
                             maxHeaderFields: maxHeaderFields, maxHeaderFieldBytes: maxHeaderFieldBytes,
                             maxBodyBytes: maxBodyBytes, maxChunkExtensionBytes: maxChunkExtensionBytes)
        }

        var timeouts: ConnectionTimeouts {
            ConnectionTimeouts(header: headerTimeout.nanoseconds, idle: idleTimeout.nanoseconds,
                               body: bodyTimeout.nanoseconds, write: writeTimeout.nanoseconds,
                               handler: handlerTimeout.nanoseconds, linger: lingerTimeout.nanoseconds)
        }
    }
}

extension Duration {
    /// Whole nanoseconds, clamped at zero.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
