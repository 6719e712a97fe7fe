import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Who may do what with satisfaction surveys (people only, never an API token): assessors make rounds, whoever
/// sees assessment or takes calls at the centre sees them, the centre's operators (`acceptCases`) call.
enum SurveyAccess {
    static let viewers: [Permission] = [.assess, .viewAssessment, .acceptCases]

    static func requireViewer(_ staff: Staff) throws(DomainError) {
        guard !staff.isMachine, viewers.contains(where: staff.may) else { throw .forbidden(permission: .viewAssessment) }
    }

    static func requireAssessor(_ staff: Staff) throws(DomainError) {
        guard !staff.isMachine, staff.may(.assess) else { throw .forbidden(permission: .assess) }
    }

    static func requireOperator(_ staff: Staff) throws(DomainError) {
        guard !staff.isMachine, staff.may(.acceptCases) else { throw .forbidden(permission: .acceptCases) }
    }

    /// The township codes of `round` the caller sees (those starting with the answer), or nil when the round's
    /// area and the jurisdiction do not meet.
    static func visiblePrefix(_ round: SurveyRoundRecord, _ staff: Staff) -> String? {
        guard let code = AreaCode(round.areaCode) else { return nil }
        let area = Jurisdiction(root: code)
        if staff.jurisdiction.contains(round.areaCode) { return area.prefix }
        if area.contains(staff.jurisdiction.root) { return staff.jurisdiction.prefix }
        return nil
    }
}

extension SatisfactionSurveys {
    /// Whether `staff` may open the survey pages (for the navigation).
    public static func mayView(_ staff: Staff) -> Bool {
        !staff.isMachine && SurveyAccess.viewers.contains(where: staff.may)
    }
}
