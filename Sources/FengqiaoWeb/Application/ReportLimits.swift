import Foundation

/// The abuse limits of the public report channels (`/report`, `POST /api/v1/reports`), kept in memory
/// by each process: submissions per client address (every attempt counts) and reports per contact
/// phone (only reports that were filed count). Nil turns a limit off.
public struct ReportLimits: Sendable, Equatable {
    public var perAddress: RateLimit?
    public var perPhone: RateLimit?
    /// Tracking-code look-ups that found nothing, per client address (`/track`, `/track/rating`,
    /// `GET /api/v1/reports/{code}`): over the limit every look-up of that client is refused, a valid
    /// code too, until the window has passed — so codes cannot be guessed.
    public var failedLookups: RateLimit?
    /// Proxies whose `X-Forwarded-For` is believed; without any, the peer address is the client's.
    public var trustedProxies: TrustedProxies

    public init(
        perAddress: RateLimit? = RateLimit(count: 10, window: 3600),
        perPhone: RateLimit? = RateLimit(count: 5, window: 86_400),
        trustedProxies: TrustedProxies = TrustedProxies(),
        failedLookups: RateLimit? = RateLimit(count: 20, window: 3600)
    ) {
        self.perAddress = perAddress
        self.perPhone = perPhone
        self.failedLookups = failedLookups
        self.trustedProxies = trustedProxies
    }
}
