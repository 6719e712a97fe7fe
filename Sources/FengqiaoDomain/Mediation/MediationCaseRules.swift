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
}
