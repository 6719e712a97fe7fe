import Foundation

/// Days typed into mediation forms (`yyyy-MM-dd`, Beijing): not in the future, not more than a year back.
enum MediationDay {
    /// The day in `text`, nil when left out; problems go to `errors` under `field`.
    static func parse(_ text: String?, field: String, label: String, now: Date, errors: inout [FieldError]) -> String? {
        guard let raw = InputRules.text(text) else { return nil }
        guard let date = ChinaTime.date(ofDay: raw) else {
            errors.append(FieldError(field: field, code: "invalid_format", message: "\(label)格式不正确,应如 2026-03-01"))
            return nil
        }
        if raw > ChinaTime.dayString(now) {
            errors.append(FieldError(field: field, code: "in_future", message: "\(label)不能晚于今天"))
            return nil
        }
        if date < now.addingTimeInterval(-366 * 86_400) {
            errors.append(FieldError(field: field, code: "too_old", message: "\(label)不能早于一年前"))
            return nil
        }
        return raw
    }
}
