/// A public submission refused by a rate limit: answered 429 with `Retry-After` and the stable code
/// `rate_limited`.
struct RateLimited: Error, Equatable {
    var retryAfterSeconds: Int

    /// In Chinese, with the wait rounded up to minutes (hours past two hours).
    var message: String {
        let minutes = max(1, (retryAfterSeconds + 59) / 60)
        let wait = minutes > 120 ? "\((minutes + 59) / 60)小时" : "\(minutes)分钟"
        return "提交过于频繁,请\(wait)后再试"
    }
}
