import FengqiaoDomain

/// One account of the demo that people can sign in with. These demo passwords are the only default
/// passwords the product has; every other generated account has an unusable password.
public struct DemoLogin: Sendable {
    public let username: String
    public let password: String
    public let role: Role
    /// Where the account works, e.g. 九原区 or 沙河街道康乐社区第1网格.
    public let areaName: String

    public init(username: String, password: String, role: Role, areaName: String) {
        self.username = username
        self.password = password
        self.role = role
        self.areaName = areaName
    }

    /// The demo account of each role: username and password.
    static func credentials(for role: Role) -> (username: String, password: String) {
        switch role {
        case .intakeOperator: ("demo.intake", "Fq-Intake-2026")
        case .dispatcher: ("demo.dispatcher", "Fq-Dispatcher-2026")
        case .gridWorker: ("demo.gridworker", "Fq-GridWorker-2026")
        case .gridLeader: ("demo.gridleader", "Fq-GridLeader-2026")
        case .departmentHandler: ("demo.handler", "Fq-Handler-2026")
        case .mediator: ("demo.mediator", "Fq-Mediator-2026")
        case .petitionOfficer: ("demo.petition", "Fq-Petition-2026")
        case .leader: ("demo.leader", "Fq-Leader-2026")
        case .assessor: ("demo.assessor", "Fq-Assessor-2026")
        case .systemAdmin: ("demo.sysadmin", "Fq-SysAdmin-2026")
        case .securityAdmin: ("demo.secadmin", "Fq-SecAdmin-2026")
        case .auditor: ("demo.auditor", "Fq-Auditor-2026")
        }
    }
}
