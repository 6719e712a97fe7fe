import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The contexts of the account admin pages (accounts, account-new, account).
struct AccountAdminPages: Sendable {
    let administration: AccountAdministration
    let views: Views

    /// A form just posted on the account page: which one, what it held, and what was wrong with it.
    typealias PostedForm = (action: String, values: FormFields, errors: [FieldError])

    func list(
        _ page: AccountPage, filter: AccountFilter, errors: [FieldError], status: HTTPResponse.Status, caller: Caller,
        context: AppRequestContext
    ) throws -> Response {
        let query = [("q", filter.namePrefix ?? ""), ("role", filter.role ?? ""), ("status", filter.status ?? ""),
                     ("area", filter.areaCode ?? "")]
        let nextHref = page.next.map { next in
            "/admin/accounts?" + (query + [("cursor", next)]).map { "\($0)=\(Self.encoded($1))" }.joined(separator: "&")
        }
        return try views.page("accounts", [
            "q": filter.namePrefix ?? "", "area": filter.areaCode ?? "",
            "roles": Self.roleOptions(selected: filter.role),
            "statuses": AccountStatus.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "selected": filter.status == $0.rawValue]
            },
            "accounts": page.accounts.map(Self.row), "next": nextHref as Any,
            "errors": errors.map { ["message": $0.message] },
            "mayCreate": caller.staff.may(.manageAccounts),
        ], status: status, session: context.session)
    }

    func newAccount(
        values: FormFields, errors: [FieldError], status: HTTPResponse.Status, caller: Caller, context: AppRequestContext
    ) throws -> Response {
        var page: [String: Any] = [
            "username": values["username"] ?? "", "displayName": values["displayName"] ?? "",
            "areaCode": values["areaCode"] ?? caller.staff.jurisdiction.root.rawValue,
            "departmentID": values["departmentID"] ?? "",
            "roles": Self.roleOptions(selected: values["role"]),
            "errors": errors.filter { !Self.newAccountFields.contains($0.field) }.map { ["message": $0.message] },
        ]
        for field in Self.newAccountFields { page[field + "Error"] = Self.message(field, in: errors) as Any }
        return try views.page("account-new", page, status: status, session: context.session)
    }

    func account(
        _ id: Int64, caller: Caller, notice: String? = nil, form posted: PostedForm? = nil,
        status: HTTPResponse.Status = .ok, context: AppRequestContext
    ) async throws -> Response {
        let account = try await administration.account(id: id, by: .staff(caller))
        let staff = caller.staff
        let isSelf = staff.accountID == account.id
        let overseer = Role(rawValue: account.role)?.overseesAccountAdministration ?? false
        let mayManage = staff.may(.manageAccounts) && !isSelf && !overseer
        let mayGrant = staff.may(.grantRoles) && !isSelf
        let errors = posted?.errors ?? []
        // The grant form shows what was posted after an error, the account's placement otherwise.
        let grantValues = posted?.action == "grant" ? posted?.values : nil
        let selectedDepartment = grantValues.map { $0["departmentID"] ?? "" } ?? account.departmentID.map(String.init) ?? ""
        let departments = mayGrant
            ? try await administration.departmentChoices(areaCode: account.areaCode, by: .staff(caller)) : []
        var page: [String: Any] = [
            "account": Self.row(account), "notice": notice as Any, "isSelf": isSelf,
            "pending": account.status == .pending, "active": account.status == .active,
            "disabled": account.status == .disabled,
            "mayManage": mayManage, "mayGrant": mayGrant, "overseer": overseer && staff.may(.manageAccounts) && !isSelf,
            "roles": Self.roleOptions(selected: grantValues?["role"] ?? account.role),
            "grantAreaCode": grantValues?["areaCode"] ?? account.areaCode,
            "departments": departments.map {
                ["id": $0.id, "name": $0.name, "areaName": $0.areaName, "selected": String($0.id) == selectedDepartment]
            },
            "noDepartment": selectedDepartment.isEmpty,
            "errors": errors.filter { $0.field.isEmpty || !Self.accountFormFields.contains($0.field) }
                .map { ["message": $0.message] },
        ]
        for field in Self.accountFormFields { page[field + "Error"] = Self.message(field, in: errors) as Any }
        var response = try views.page("account", page, status: status, session: context.session)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    // MARK: -

    static let newAccountFields = ["username", "displayName", "role", "areaCode", "departmentID", "password"]
    static let accountFormFields = ["password", "role", "areaCode", "departmentID"]

    static func message(_ field: String, in errors: [FieldError]) -> String? {
        errors.first { $0.field == field }?.message
    }

    static func roleOptions(selected: String?) -> [[String: Any]] {
        Role.allCases.map {
            ["value": $0.rawValue, "name": $0.chineseName, "selected": selected == $0.rawValue || selected == $0.chineseName]
        }
    }

    static func row(_ account: AccountView) -> [String: Any] {
        [
            "id": account.id, "username": account.username, "displayName": account.displayName,
            "roleName": account.roleName, "areaCode": account.areaCode, "areaName": account.areaName ?? account.areaCode,
            "areaLabel": account.areaName.map { "\($0)(\(account.areaCode))" } ?? account.areaCode,
            "departmentName": account.departmentName ?? (account.departmentID.map { "部门 \($0)" } ?? "—"),
            "statusName": account.status.chineseName, "status": account.status.rawValue,
            "lastLoginAt": account.lastLoginAt.map(minute) ?? "从未登录",
            "passwordChangedAt": account.passwordChangedAt.map(minute) ?? "—",
            "createdAt": minute(account.createdAt),
            "lockedUntil": account.lockedUntil.map(minute) as Any,
        ]
    }

    /// `2026-11-23 10:00`, Beijing time.
    static func minute(_ date: Date) -> String {
        let parts = ChinaTime.calendar.dateComponents([.hour, .minute], from: date)
        return ChinaTime.dayString(date) + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
