import Foundation

/// Staff roles (the permissions table arrives with the identity issue).
public enum Role: String, Sendable, Codable, CaseIterable {
    case intakeOperator, dispatcher, gridWorker, gridLeader, departmentHandler, mediator, petitionOfficer, leader
    case assessor, systemAdmin, securityAdmin, auditor

    public var chineseName: String {
        switch self {
        case .intakeOperator: "中心受理员"
        case .dispatcher: "指挥调度员"
        case .gridWorker: "网格员"
        case .gridLeader: "网格长"
        case .departmentHandler: "部门办理人"
        case .mediator: "调解员"
        case .petitionOfficer: "信访接待员"
        case .leader: "领导"
        case .assessor: "考核员"
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditor: "审计员"
        }
    }
}
