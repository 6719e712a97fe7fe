import Foundation

extension CaseCommand {
    /// A command without its arguments: for the transition table, messages and logs.
    public enum Name: String, Sendable, Codable, CaseIterable {
        case accept, reject, merge, split, resolveOnSite, dispatch, signFor, returnCase, ruleOnReturn, escalate
        case recordAttempt, whistle, checkIn, requestExtension, approveExtension, denyExtension, addProgress
        case feedback, verify, close, revisit, supervise, respondToSupervision, withdraw, archive

        /// The verb, as in "不能立案".
        public var chineseName: String {
            switch self {
            case .accept: "立案"
            case .reject: "不予立案"
            case .merge: "合并"
            case .split: "拆分"
            case .resolveOnSite: "就地化解"
            case .dispatch: "派遣"
            case .signFor: "签收"
            case .returnCase: "退回"
            case .ruleOnReturn: "裁定退回"
            case .escalate: "升级"
            case .recordAttempt: "记录调解"
            case .whistle: "吹哨"
            case .checkIn: "报到"
            case .requestExtension: "申请延期"
            case .approveExtension: "批准延期"
            case .denyExtension: "驳回延期"
            case .addProgress: "填写进展"
            case .feedback: "反馈办理结果"
            case .verify: "核查"
            case .close: "结案"
            case .revisit: "回访"
            case .supervise: "督办"
            case .respondToSupervision: "答复督办"
            case .withdraw: "撤回"
            case .archive: "归档"
            }
        }
    }

    public var name: Name {
        switch self {
        case .accept: .accept
        case .reject: .reject
        case .merge: .merge
        case .split: .split
        case .resolveOnSite: .resolveOnSite
        case .dispatch: .dispatch
        case .signFor: .signFor
        case .returnCase: .returnCase
        case .ruleOnReturn: .ruleOnReturn
        case .escalate: .escalate
        case .recordAttempt: .recordAttempt
        case .whistle: .whistle
        case .checkIn: .checkIn
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension
        case .addProgress: .addProgress
        case .feedback: .feedback
        case .verify: .verify
        case .close: .close
        case .revisit: .revisit
        case .supervise: .supervise
        case .respondToSupervision: .respondToSupervision
        case .withdraw: .withdraw
        case .archive: .archive
        }
    }
}
