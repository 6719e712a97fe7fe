import CoreMetrics
import FengqiaoDomain
import FengqiaoServices
import Foundation
import HTTPTypes
import Hummingbird

/// The abuse checks in front of the public report channels, shared by the form and the JSON API:
/// per-address and per-phone sliding windows (in memory, per process), the honeypot and its metric.
/// Nothing here calls out of the process.
struct ReportGate: Sendable {
    /// The form and JSON field a person never sees or fills; an automated sender usually does.
    static let honeypotField = "website"

    let limits: ReportLimits
    let clock: any WallClock
    private let byAddress: SlidingWindowLimiter?
    private let byPhone: SlidingWindowLimiter?
    private let failedLookups: SlidingWindowLimiter?

    init(limits: ReportLimits, clock: any WallClock) {
        self.limits = limits
        self.clock = clock
        self.byAddress = limits.perAddress.map(SlidingWindowLimiter.init)
        self.byPhone = limits.perPhone.map(SlidingWindowLimiter.init)
        self.failedLookups = limits.failedLookups.map(SlidingWindowLimiter.init)
    }

    /// The client's address: the peer's, or what a trusted proxy forwarded.
    func clientAddress(_ request: Request, context: AppRequestContext) -> String {
        limits.trustedProxies.client(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor])
    }

    /// Counts a submission from `address`; throws `RateLimited` over the limit.
    func admit(address: String) async throws {
        guard let byAddress, let wait = await byAddress.admit(address, at: clock.now()) else { return }
        Counter(label: "fengqiao_report_rate_limited_total", dimensions: [("limit", "address")]).increment()
        throw RateLimited(retryAfterSeconds: wait)
    }

    /// Counts a report with contact phone `raw` (when it is a valid number); throws `RateLimited` over the
    /// limit. Returns the key to give back with `refund(phone:)` when no report is filed after all.
    func admit(phone raw: String?) async throws -> String? {
        guard let byPhone, let raw, let phone = PhoneNumber(raw) else { return nil }
        if let wait = await byPhone.admit(phone.rawValue, at: clock.now()) {
            Counter(label: "fengqiao_report_rate_limited_total", dimensions: [("limit", "phone")]).increment()
            throw RateLimited(retryAfterSeconds: wait)
        }
        return phone.rawValue
    }

    func refund(phone key: String?) async {
        guard let key, let byPhone else { return }
        await byPhone.refund(key)
    }

    /// Counts a tracking-code look-up from `address` as failed until `found(address:)` takes it back;
    /// throws `LookupLimited` once the address has too many failures within the window.
    func admitLookup(address: String) async throws {
        guard let failedLookups, let wait = await failedLookups.admit(address, at: clock.now()) else { return }
        Counter(label: "fengqiao_report_rate_limited_total", dimensions: [("limit", "lookup")]).increment()
        throw LookupLimited(retryAfterSeconds: wait)
    }

    /// The look-up admitted for `address` found its case: it does not count as a guess.
    func found(address: String) async {
        await failedLookups?.refund(address)
    }

    /// Notes a submission whose honeypot was filled (answered as if filed, stored nowhere).
    func caughtHoneypot() {
        Counter(label: "fengqiao_report_honeypot_total").increment()
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
