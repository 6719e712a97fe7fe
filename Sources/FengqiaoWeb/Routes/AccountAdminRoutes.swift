import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The account admin pages: the list, a new account, and one account with the forms its viewer may
/// use (disable, enable and reset the password for the system administrator; grant for the security
/// administrator). Every change is a form post that redirects back on success and shows the page again
/// with field-level errors otherwise.
struct AccountAdminRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let administration = AccountAdministration(platform: platform)
        let pages = AccountAdminPages(administration: administration, views: views)
        routes.get("/admin/accounts") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            let filter = AccountFilter(
                areaCode: query["area"].map(String.init), role: query["role"].map(String.init),
                status: query["status"].map(String.init), namePrefix: query["q"].map(String.init))
            do {
                let page = try await administration.accounts(filter, cursor: query["cursor"].map(String.init),
                                                             by: .staff(caller))
                return try pages.list(page, filter: filter, errors: [], status: .ok, caller: caller, context: context)
            } catch DomainError.validation(let errors) {
                let empty = AccountPage(accounts: [], next: nil)
                return try pages.list(empty, filter: filter, errors: errors, status: .unprocessableContent, caller: caller,
                                      context: context)
            }
        }
        routes.get("/admin/accounts/new") { _, context in
            let caller = try context.caller()
            try caller.staff.require(.manageAccounts)
            return try pages.newAccount(values: FormFields(""), errors: [], status: .ok, caller: caller, context: context)
        }
        routes.post("/admin/accounts/new") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            do {
                let id = try await administration.create(
                    .init(username: form["username"] ?? "", displayName: form["displayName"] ?? "",
                          role: form["role"] ?? "", areaCode: form["areaCode"] ?? "",
                          departmentID: try Self.departmentID(form), password: form["password"] ?? ""),
                    by: .staff(caller))
                return .redirect(to: "/admin/accounts/\(id)?done=created", type: .normal)
            } catch DomainError.validation(let errors) {
                return try pages.newAccount(values: form, errors: errors, status: .unprocessableContent, caller: caller,
                                            context: context)
            } catch DomainError.conflict(let code, let message) where code == "duplicate_username" {
                let taken = FieldError(field: "username", code: code, message: message)
                return try pages.newAccount(values: form, errors: [taken], status: .conflict, caller: caller,
                                            context: context)
            }
        }
        routes.get("/admin/accounts/{id}") { request, context in
            let caller = try context.caller()
            let done = request.uri.queryParameters["done"].map(String.init)
            return try await pages.account(try Self.id(context), caller: caller, notice: done.flatMap(Self.notice),
                                           context: context)
        }
        change(&routes, "disable", pages) { id, _, caller in
            try await administration.disable(accountID: id, by: .staff(caller))
        }
        change(&routes, "enable", pages) { id, _, caller in
            try await administration.enable(accountID: id, by: .staff(caller))
        }
        change(&routes, "password", pages) { id, form, caller in
            try await administration.resetPassword(accountID: id, to: form["password"] ?? "", by: .staff(caller))
        }
        change(&routes, "grant", pages) { id, form, caller in
            try await administration.grant(accountID: id, role: form["role"] ?? "", areaCode: form["areaCode"] ?? "",
                                           departmentID: try Self.departmentID(form), by: .staff(caller))
        }
    }

    /// `POST /admin/accounts/{id}/<action>`: runs `body`; redirects to the account on success, shows the
    /// account again with the form's errors (422) or the refusal (409) otherwise. Missing accounts and
    /// missing permissions go to the error page (404, 403).
    private func change(
        _ routes: inout RouteTable, _ action: String, _ pages: AccountAdminPages,
        _ body: @escaping @Sendable (Int64, FormFields, Caller) async throws -> Void
    ) {
        routes.post("/admin/accounts/{id}/\(action)") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let form = try await request.formFields(context: context)
            do {
                try await body(id, form, caller)
                return .redirect(to: "/admin/accounts/\(id)?done=\(action)", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await pages.account(id, caller: caller, form: (action, form, errors),
                                               status: .unprocessableContent, context: context)
            } catch DomainError.conflict(let code, let message) {
                let refusal = FieldError(field: "", code: code, message: message)
                return try await pages.account(id, caller: caller, form: (action, form, [refusal]), status: .conflict,
                                               context: context)
            }
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "账号") }
        return id
    }

    /// The optional department field: empty is none, anything but a number is a field error.
    static func departmentID(_ form: FormFields) throws(DomainError) -> Int64? {
        let text = (form["departmentID"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let id = Int64(text) else { throw .validation([.invalid("departmentID", label: "部门编号")]) }
        return id
    }

    static func notice(_ done: String) -> String? {
        switch done {
        case "created": "账号已创建,待安全管理员授权后方可登录。"
        case "disable": "账号已停用,其所有会话已结束。"
        case "enable": "账号已启用。"
        case "password": "密码已重置,该账号的所有会话已结束。请通过安全渠道告知本人新密码。"
        case "grant": "授权已生效,该账号的所有会话已结束,重新登录后按新角色使用。"
        default: nil
        }
    }
}
