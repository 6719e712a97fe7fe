import Foundation

/// What happened to a referral, before validation: the action, the reply or the reason for declining
/// (required for both), and the day (`yyyy-MM-dd`, today when left out).
public struct MediationReferralUpdate: Sendable, Codable, Equatable {
    public var action: String?
    public var text: String?
    public var date: String?

    public init(action: String? = nil, text: String? = nil, date: String? = nil) {
        self.action = action
        self.text = text
        self.date = date
    }

    public static let textLimit = 2000

    /// The action, its text and day, checked; the day may not lie before `sentDay`.
    public func validate(now: Date, sentDay: String) throws(DomainError)
        -> (action: MediationReferralAction, text: String?, day: String)
    {
        var errors: [FieldError] = []
        var action: MediationReferralAction?
        if let raw = InputRules.text(self.action) {
            action = MediationReferralAction(named: raw)
            if action == nil {
                errors.append(FieldError(field: "action", code: "unknown", message: "办理动作无效,可选:受理、回复、不予受理"))
            }
        } else {
            errors.append(.required("action", label: "办理动作"))
        }
        let text = InputRules.text(self.text)
        if let text, text.count > Self.textLimit {
            errors.append(.tooLong("text", label: "回复内容", max: Self.textLimit))
        } else if text == nil, let action, action != .accept {
            errors.append(.required("text", label: action == .reply ? "回复内容" : "不予受理的理由"))
        }
        let day = MediationDay.parse(date, field: "date", label: "办理日期", now: now, errors: &errors)
        if let day, day < sentDay {
            errors.append(FieldError(field: "date", code: "before_referral", message: "办理日期不能早于转交日期\(sentDay)"))
        }
        guard errors.isEmpty, let action else { throw .validation(errors) }
        return (action, text, day ?? ChinaTime.dayString(now))
    }
}
