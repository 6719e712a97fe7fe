/// How the HTTP server listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Shown in logs and metrics; distinguishes instances sharing one database.
    public var instanceName: String
    /// Marks session cookies `Secure`; set when clients reach the server through TLS (e.g. a proxy).
    public var secureCookies: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, instanceName: String = "fengqiao", secureCookies: Bool = false) {
        self.host = host
        self.port = port
        self.instanceName = instanceName
        self.secureCookies = secureCookies
    }
}
