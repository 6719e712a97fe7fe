import Foundation

/// The state rules of a mediation case, as pure functions: what may happen in which state and where
/// the case goes next. Services ask here before they write.
public enum MediationCaseRules {
    /// Refuses `action` (e.g. "记录调解会") unless the mediation is still open.
    public static func requireOpen(_ state: MediationCaseState, for action: String) throws(DomainError) {
        guard state.isOpen else {
            throw .conflict(code: "mediation_closed", message: "调解案件当前为“\(state.chineseName)”,不能\(action)")
        }
    }

    /// The state after a session was held: the first one starts the mediation.
    public static func afterSessionHeld(_ state: MediationCaseState) throws(DomainError) -> MediationCaseState {
        try requireOpen(state, for: "记录调解会")
        return .inMediation
    }

    /// The state after the parties withdrew (撤回调解申请).
    public static func afterWithdrawal(_ state: MediationCaseState) throws(DomainError) -> MediationCaseState {
        try requireOpen(state, for: "撤回")
        return .withdrawn
    }

    /// A withdrawal reason, required and at most 500 characters.
    public static func withdrawalReason(_ text: String?) throws(DomainError) -> String {
        var errors: [FieldError] = []
        let reason = InputRules.required(text, field: "reason", label: "撤回理由", max: 500, errors: &errors)
        guard let reason else { throw .validation(errors) }
        return reason
    }

    /// Refuses another party once the mediation has as many as an opening may name.
    public static func requireRoomForParty(existing: Int) throws(DomainError) {
        let limit = MediationOpeningSubmission.partyLimit
        guard existing < limit else {
            throw .validation([FieldError(field: "parties", code: "too_many", message: "当事人最多\(limit)个")])
        }
    }

    /// An agreement names its parties: a conclusion with one (succeeded, partial) needs at least one
    /// 申请人 and one 被申请人 on the mediation; a failed one needs none.
    public static func requireParties(for conclusion: MediationConclusion, sides: [MediationPartySide])
        throws(DomainError)
    {
        let reachesAgreement = conclusion.outcome != .failed || conclusion.agreement != nil
        guard !reachesAgreement || (sides.contains(.applicant) && sides.contains(.respondent)) else {
            throw .validation([FieldError(field: "parties", code: "missing_parties",
                                          message: "达成调解协议须有申请人和被申请人,请先登记当事人")])
        }
    }
}
