/// The size limits the request parser enforces. Every limit is a hard cap: a
/// request over it is refused with the status named on the field, and the
/// connection is closed afterwards (RFC 9112 §3, RFC 9110 §5.4, RFC 6585 §5).
public struct HTTPParserLimits: Sendable, Equatable {
    /// Longest request line in octets, CRLF excluded. Over it: 414 (RFC 9112 §3
    /// recommends supporting at least 8000). Default 8192.
    public var maxRequestLineBytes: Int
    /// Largest header section (every field line with its CRLF). Over it: 431.
    /// Default 32768.
    public var maxHeaderBytes: Int
    /// Most header fields (and, separately, most trailer fields). Over it: 431.
    /// Default 100.
    public var maxHeaderFields: Int
    /// Longest single field line. Over it: 431. Default 8192.
    public var maxHeaderFieldBytes: Int
    /// Largest decoded body. Over it: 413 (RFC 9110 §15.5.14). Default 1 MiB.
    public var maxBodyBytes: Int
    /// Longest chunk extension (`;name=value` after a chunk size). Over it: 400,
    /// as RFC 9112 §7.1.1 says a recipient ought to limit it. Default 256.
    public var maxChunkExtensionBytes: Int

    public init(maxRequestLineBytes: Int = 8192, maxHeaderBytes: Int = 32768, maxHeaderFields: Int = 100,
                maxHeaderFieldBytes: Int = 8192, maxBodyBytes: Int = 1 << 20, maxChunkExtensionBytes: Int = 256) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkExtensionBytes = maxChunkExtensionBytes
    }
}
