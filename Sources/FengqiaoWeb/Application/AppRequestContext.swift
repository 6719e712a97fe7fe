import FengqiaoDomain
import FengqiaoServices
import Hummingbird

/// The per-request context of every Fengqiao route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request id echoed in the `X-Request-Id` header and in every log line of the request.
    public var requestID: String = ""
    /// The client's address, as the audit log records it.
    public let clientIP: String
    /// The signed-in session, set by `SessionMiddleware` when the cookie names a valid one.
    public var session: ActiveSession?
    /// A half-open session (password accepted, second step due), set only on its own step's pages.
    public var pendingSignIn: ActiveSession?
    /// The cookie's token of that session (needed to sign out).
    var sessionToken: String?
    /// Set by `TokenAuthMiddleware` when an API token (`Authorization: Bearer fq_…`) authenticated the
    /// request: cookies are then ignored and no CSRF token is needed.
    var authenticatedByToken = false

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies larger than this are refused with 413 (attachments will stream through their own limit).
    public static let maxBodyBytes = 1 << 20

    public var maxUploadSize: Int { Self.maxBodyBytes }

    /// The signed-in caller; throws `.unauthenticated` (401, or the sign-in page for browsers) when
    /// nobody is signed in.
    func caller() throws(DomainError) -> Caller {
        guard let session else { throw DomainError.unauthenticated(code: "signed_out", message: "请先登录") }
        return Caller(staff: session.staff, ip: clientIP)
    }
}
