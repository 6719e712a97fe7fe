import Hummingbird

/// The per-request context of every Fengqiao route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request id echoed in the `X-Request-Id` header and in every log line of the request.
    public var requestID: String = ""

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Bodies larger than this are refused with 413 (attachments will stream through their own limit).
    public static let maxBodyBytes = 1 << 20

    public var maxUploadSize: Int { Self.maxBodyBytes }
}
