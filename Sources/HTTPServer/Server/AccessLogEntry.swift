/// One line of the access log, reported once a response has been handed to
/// the socket. The log callback runs on an event loop thread: keep it quick.
public struct AccessLogEntry: Sendable {
    public var method: String
    /// The request-target as sent.
    public var path: String
    public var status: Int
    /// From the complete request to the response being queued for writing.
    public var durationSeconds: Double
    public var requestID: String
    /// Response bytes, head and body.
    public var bytesSent: Int
}
