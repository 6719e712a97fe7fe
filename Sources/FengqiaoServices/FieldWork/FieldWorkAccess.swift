import FengqiaoDomain
import Foundation

/// Who may use the grid worker app: people who report from the field (`handleCases`), not department staff,
/// never an API token.
public enum FieldWorkAccess {
    public static func require(_ caller: Caller) throws(DomainError) {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.handleCases), staff.departmentID == nil else {
            throw DomainError.forbidden(permission: .handleCases)
        }
    }
}
