import Foundation

/// Everything that can be asked of a case after it was reported (see `domain/case-workflow.md`).
/// `CaseWorkflow.decide` turns a command into events or refuses it with a typed error. Departments are
/// identified by their row id; dates are computed by the caller from the business calendar.
public enum CaseCommand: Sendable, Hashable {
    /// 核实立案: reported → accepted.
    case accept(CaseAcceptance)
    /// 不予立案: reported → rejected; the requester is told through `noticeChannel`.
    case reject(reason: String, noticeChannel: ContactChannel)
    /// Fold into the duplicate case `into` (its row id): reported/accepted → merged.
    case merge(into: Int64)
    /// Undo a wrong merge: merged → the state before the merge.
    case split
    /// 就地化解 by the grid worker or grid leader of the case's grid: accepted → handled.
    case resolveOnSite(result: String, evidence: [String])
    /// 指挥派遣: accepted → dispatched.
    case dispatch(DispatchOrder)
    /// 签收 by the acting department (its staff): the lead's moves dispatched → inProgress; an assisting
    /// department signs for its own part.
    case signFor
    /// 退回 by the lead department inside the return window: dispatched → accepted (returned).
    case returnCase(reason: String)
    /// The centre rules on a return: accepted (returned) → dispatched.
    case ruleOnReturn(ReturnRuling)
    /// Move the case one tier up the mediation ladder; the state stays.
    case escalate(reason: String)
    /// One mediation attempt at the current tier; the last allowed failed attempt escalates automatically.
    case recordAttempt(outcome: AttemptOutcome, note: String)
    /// 吹哨: summon departments, each to check in by `checkInDue`.
    case whistle(departments: [Int64], checkInDue: Date)
    /// 报到 of a summoned department (by its staff, or recorded by the centre on its behalf).
    case checkIn(department: Int64)
    /// The lead asks for a later deadline; the clock pauses until the centre decides.
    case requestExtension(until: Date, reason: String)
    case approveExtension
    case denyExtension(reason: String)
    /// A note on the timeline; `isPublic` notes are shown to the requester.
    case addProgress(note: String, isPublic: Bool)
    /// 处理反馈. From the lead (or, without departments, the grid's handler): inProgress → handled, every
    /// assisting part done or listed in `waivedAssisting`. From an assisting department: its part is done.
    case feedback(result: String, evidence: [String], waivedAssisting: Set<Int64>)
    /// 核查: handled → verified, or back to inProgress with a reason when `pass` is false.
    case verify(pass: Bool, reason: String?)
    /// 结案答复: verified → closed.
    case close(reply: String, channel: ContactChannel)
    /// 回访: closed → archived, or 不满意 → inProgress while reopens remain.
    case revisit(satisfaction: Satisfaction, channel: ContactChannel)
    /// 催办 / 督办 / 挂牌督办 from above the case's tier; a formal order needs `responseDue`.
    case supervise(kind: SupervisionKind, note: String, responseDue: Date?)
    /// The answer to supervision `number`.
    case respondToSupervision(number: Int, response: String)
    /// 撤回 by the requester (or an operator on their behalf), before closure.
    case withdraw(reason: String)
    /// 归档 by the system after the revisit window: closed → archived.
    case archive
}
