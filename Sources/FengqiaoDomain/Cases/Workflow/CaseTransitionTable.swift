import Foundation

/// Which commands apply in which state: the "from" column of `domain/case-workflow.md`, one exhaustive
/// switch so that a new state cannot be forgotten. A command listed here may still be refused for its
/// own reasons (role, tier, a return already upheld …); one not listed is refused as `invalid_transition`.
///
/// Where this refines the reference table: `recordAttempt` also in `accepted` (the grid and village tiers
/// mediate before anything is dispatched); `signFor` also in `inProgress` (an assisting department signs
/// after the lead); `feedback` from an assisting department completes its part; `respondToSupervision`
/// also in `closed` (an order may be answered after the reply); `split` restores the pre-merge state;
/// `addProgress` also in `accepted` (a mediator notes the outcome of a mediation held before dispatch).
public enum CaseTransitionTable {
    public static func commands(allowedIn state: CaseState) -> Set<CaseCommand.Name> {
        switch state {
        case .reported:
            [.accept, .reject, .merge, .withdraw, .checkIn, .supervise, .respondToSupervision]
        case .accepted:
            [.merge, .resolveOnSite, .dispatch, .ruleOnReturn, .escalate, .recordAttempt, .whistle, .checkIn,
             .addProgress, .withdraw, .supervise, .respondToSupervision]
        case .dispatched:
            [.signFor, .returnCase, .checkIn, .withdraw, .supervise, .respondToSupervision]
        case .inProgress:
            [.signFor, .escalate, .recordAttempt, .whistle, .checkIn, .requestExtension, .approveExtension,
             .denyExtension, .addProgress, .feedback, .withdraw, .supervise, .respondToSupervision]
        case .handled:
            [.verify, .checkIn, .withdraw, .supervise, .respondToSupervision]
        case .verified:
            [.close, .checkIn, .withdraw, .supervise, .respondToSupervision]
        case .closed:
            [.revisit, .archive, .respondToSupervision]
        case .merged:
            [.split]
        case .archived, .rejected, .withdrawn:
            []
        }
    }

    public static func allows(_ command: CaseCommand.Name, in state: CaseState) -> Bool {
        commands(allowedIn: state).contains(command)
    }

    /// The refusal of `command` in `state`: "案件当前为“已派遣”,不能立案".
    public static func refusal(_ command: CaseCommand.Name, in state: CaseState) -> DomainError {
        .conflict(code: "invalid_transition", message: "案件当前为“\(state.chineseName)”,不能\(command.chineseName)")
    }
}
