import Foundation

/// Days typed into the follow-up forms of an agreement (`yyyy-MM-dd`): never after `today`, never
/// before `earliest` (the day of the step they follow, e.g. the agreement or the hand-off).
enum AgreementDay {
    /// The day in `text`, `today` when left out and `defaultsToToday`; problems go to `errors`.
    static func parse(
        _ text: String?, field: String, label: String, today: CivilDate, earliest: CivilDate, earliestName: String,
        defaultsToToday: Bool, errors: inout [FieldError]
    ) -> CivilDate? {
        guard let raw = InputRules.text(text) else {
            if defaultsToToday { return today }
            errors.append(.required(field, label: label))
            return nil
        }
        guard let day = CivilDate(raw) else {
            errors.append(FieldError(field: field, code: "invalid_format", message: "\(label)格式不正确,应如 2026-03-01"))
            return nil
        }
        if day > today {
            errors.append(FieldError(field: field, code: "in_future", message: "\(label)不能晚于今天"))
            return nil
        }
        if day < earliest {
            errors.append(FieldError(field: field, code: "too_early", message: "\(label)不能早于\(earliestName) \(earliest)"))
            return nil
        }
        return day
    }
}
