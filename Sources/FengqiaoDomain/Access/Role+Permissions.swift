import Foundation

extension Role {
    /// The permissions table. 三权分立: the system admin manages accounts and configures the case
    /// engine (categories, holidays) but reads no cases, base data or audit log; the security admin grants roles; the auditor reads only the audit log.
    public var permissions: Set<Permission> { duties.union([.ownSignIn]) }

    /// What the role is for.
    private var duties: Set<Permission> {
        switch self {
        // The command centre's desk takes 12345 work orders in batches (importData with acceptCases).
        case .intakeOperator:
            [.viewMap, .viewBaseData, .viewCases, .acceptCases, .importData]
        case .dispatcher:
            [.viewMap, .viewBaseData, .viewCases, .acceptCases, .importData, .dispatchCases, .superviseCases,
             .manageMediation, .viewAssessment]
        case .gridWorker:
            [.viewMap, .viewBaseData, .editBaseData, .viewCases, .handleCases]
        case .gridLeader:
            [.viewMap, .viewBaseData, .editBaseData, .importData, .viewSensitiveTags, .viewCases, .handleCases, .mediate,
             .viewAssessment]
        case .departmentHandler:
            [.viewMap, .viewCases, .handleCases, .viewAssessment]
        case .mediator:
            [.viewMap, .viewBaseData, .viewCases, .handleCases, .mediate, .manageMediation]
        case .petitionOfficer:
            [.viewMap, .viewBaseData, .revealIdentifiers, .viewSensitiveTags, .viewCases, .acceptCases,
             .receivePetitions]
        case .leader:
            [.viewMap, .editMap, .viewBaseData, .revealIdentifiers, .viewSensitiveTags, .exportData, .viewCases,
             .superviseCases, .viewAssessment]
        case .assessor:
            [.viewMap, .viewCases, .assess, .viewAssessment]
        case .systemAdmin:
            [.viewMap, .editMap, .importData, .manageAccounts, .configureCases, .manageNotifications]
        case .securityAdmin:
            [.grantRoles]
        case .auditor:
            [.readAuditLog]
        }
    }
}
