import Foundation

/// What one call of a survey number came to.
public enum SurveyCallOutcome: Sendable, Hashable {
    /// Nobody answered (or the line was busy); after `SurveyCallOutcome.maxAttempts` the number is given up.
    case notReached
    case refused
    case answered(safety: SafetyAnswer, satisfaction: SatisfactionAnswer, comment: String?)

    /// Attempts before a number that never answers is marked unreachable.
    public static let maxAttempts = 3
    /// The longest comment (problems and opinions raised) kept with an answer.
    public static let commentLimit = 500

    /// Reads the call form: `outcome` (answered / not_reached / refused), `safety`, `satisfaction`, `comment`.
    public static func parse(
        outcome: String?, safety: String?, satisfaction: String?, comment: String?
    ) throws(DomainError) -> SurveyCallOutcome {
        switch outcome ?? "" {
        case "not_reached": return .notReached
        case "refused": return .refused
        case "answered":
            var errors: [FieldError] = []
            let feeling = SafetyAnswer(rawValue: safety ?? "")
            if feeling == nil {
                errors.append(safety?.isEmpty ?? true
                    ? FieldError(field: "safety", code: "required", message: "请选择安全感回答")
                    : FieldError(field: "safety", code: "invalid", message: "安全感回答不在可选项内"))
            }
            let rating = SatisfactionAnswer(rawValue: satisfaction ?? "")
            if rating == nil {
                errors.append(satisfaction?.isEmpty ?? true
                    ? FieldError(field: "satisfaction", code: "required", message: "请选择满意度回答")
                    : FieldError(field: "satisfaction", code: "invalid", message: "满意度回答不在可选项内"))
            }
            let text = (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.count > commentLimit { errors.append(.tooLong("comment", label: "意见建议", max: commentLimit)) }
            guard errors.isEmpty, let feeling, let rating else { throw .validation(errors) }
            return .answered(safety: feeling, satisfaction: rating, comment: text.isEmpty ? nil : text)
        case "":
            throw .validation([FieldError(field: "outcome", code: "required", message: "请选择本次通话结果")])
        default:
            throw .validation([FieldError(field: "outcome", code: "invalid", message: "通话结果不在可选项内")])
        }
    }

    /// The status and attempt count after this call, from the item's `attempts` so far.
    public func after(attempts: Int) -> (status: SurveyItemStatus, attempts: Int) {
        switch self {
        case .notReached: (attempts + 1 >= Self.maxAttempts ? .unreachable : .pending, attempts + 1)
        case .refused: (.refused, attempts + 1)
        case .answered: (.answered, attempts + 1)
        }
    }
}
