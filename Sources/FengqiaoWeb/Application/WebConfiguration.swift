/// How the HTTP server listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Shown in logs and metrics; distinguishes instances sharing one database.
    public var instanceName: String
    /// Marks session cookies `Secure`; set when clients reach the server through TLS (e.g. a proxy).
    public var secureCookies: Bool
    /// The address residents reach the server at (e.g. `https://zz.example.gov.cn`), printed in QR
    /// codes; when nil, the address the staff member's browser used.
    public var publicURL: String?
    /// Rate limits and trusted proxies of the public report channels.
    public var reportLimits: ReportLimits

    public init(
        host: String = "127.0.0.1", port: Int = 8080, instanceName: String = "fengqiao", secureCookies: Bool = false,
        publicURL: String? = nil, reportLimits: ReportLimits = ReportLimits()
    ) {
        self.publicURL = publicURL
        self.reportLimits = reportLimits
        self.host = host
        self.port = port
        self.instanceName = instanceName
        self.secureCookies = secureCookies
    }
}
