import Foundation

/// A moment the phone recorded (milliseconds since 1970): work done without signal arrives later, so
/// the server keeps the phone's time, within reason: not more than `maxAhead` ahead of the server's
/// clock, not older than `maxAge`.
public enum FieldInstant {
    public static let maxAhead: Int64 = 10 * 60 * 1000
    public static let maxAge: Int64 = 30 * 24 * 3600 * 1000

    /// The instant, `now` when absent, or nil with a field error (`out_of_range`).
    public static func check(_ value: Int64?, now: Int64, field: String, label: String, errors: inout [FieldError]) -> Int64? {
        guard let value else { return now }
        guard value <= now + maxAhead, value >= now - maxAge else {
            errors.append(FieldError(field: field, code: "out_of_range", message: "\(label)不在合理范围内(不晚于现在,不早于30天前),请检查手机时间"))
            return nil
        }
        return value
    }
}
