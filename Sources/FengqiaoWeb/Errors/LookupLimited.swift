/// Tracking-code look-ups refused because the client tried too many codes that do not exist: answered 429
/// with `Retry-After` and the stable code `rate_limited`, whatever code it asks for next.
struct LookupLimited: Error, Equatable {
    var retryAfterSeconds: Int

    /// In Chinese, with the wait rounded up to minutes.
    var message: String {
        let minutes = max(1, (retryAfterSeconds + 59) / 60)
        return "查询过于频繁(多次输入的查询码不存在),请\(minutes)分钟后再试"
    }
}
