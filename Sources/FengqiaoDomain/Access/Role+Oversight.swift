import Foundation

extension Role {
    /// Roles that oversee the system administrator (三权分立): the system administrator may not disable
    /// these accounts or reset their passwords, since signing in as one would undo the separation.
    /// The command line on the server, the root of trust, may.
    public var overseesAccountAdministration: Bool {
        switch self {
        case .securityAdmin, .auditor: true
        case .intakeOperator, .dispatcher, .gridWorker, .gridLeader, .departmentHandler, .mediator, .petitionOfficer,
             .leader, .assessor, .systemAdmin: false
        }
    }

    /// The role named by its code (`leader`) or its Chinese name (`领导`).
    public init?(codeOrChineseName text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let role = Role(rawValue: trimmed) ?? Role.allCases.first(where: { $0.chineseName == trimmed }) else {
            return nil
        }
        self = role
    }
}
