import Foundation

/// The decision whether to accept a petition, as submitted: 受理 / 不予受理 / 不再受理, the reason, and how
/// the written notice (告知书) reaches the petitioner.
public struct PetitionDecisionSubmission: Sendable, Codable, Equatable {
    public var decision: String?
    public var reason: String?
    /// A `ContactChannel` code; the notice is written (`letter`) unless said otherwise.
    public var noticeChannel: String?

    public init(decision: String? = nil, reason: String? = nil, noticeChannel: String? = nil) {
        self.decision = decision
        self.reason = reason
        self.noticeChannel = noticeChannel
    }

    public static let reasonLimit = 500

    public func validate() throws(DomainError) -> (decision: PetitionDecision, reason: String, noticeChannel: ContactChannel) {
        var errors: [FieldError] = []
        var decision: PetitionDecision?
        if let raw = InputRules.text(self.decision) {
            decision = PetitionDecision(codeOrChineseName: raw)
            if decision == nil {
                errors.append(FieldError(field: "decision", code: "invalid_choice", message: "决定应为受理、不予受理或不再受理"))
            }
        } else {
            errors.append(.required("decision", label: "受理决定"))
        }
        let reason = InputRules.required(self.reason, field: "reason", label: "决定理由", max: Self.reasonLimit, errors: &errors)
        let channel = PetitionChoice.contactChannel(noticeChannel, field: "noticeChannel", label: "告知方式", errors: &errors)
        guard errors.isEmpty, let decision, let reason, let channel else { throw .validation(errors) }
        return (decision, reason, channel)
    }
}
