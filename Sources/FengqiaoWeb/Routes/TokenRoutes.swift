import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The security admin's pages for machines' API tokens: list, make (the token is shown once, on the
/// answer to the form) and revoke. Everyone else gets 403; the services decide.
struct TokenRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let tokens = ApiTokens(platform: platform)
        routes.get("/admin/tokens") { _, context in
            let caller = try context.caller()
            return try await page(tokens, caller: caller, context: context)
        }
        routes.post("/admin/tokens") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            let chosen = ApiScope.allCases.map(\.rawValue).filter { form["scope.\($0)"] != nil }
            let name = form["name"] ?? "", area = form["area"] ?? ""
            let issued: ApiTokens.Issued
            do {
                issued = try await tokens.create(name: name, scopes: chosen, area: area, by: .staff(caller))
            } catch DomainError.validation(let errors) {
                return try await page(tokens, caller: caller, context: context, status: .unprocessableContent,
                                      form: ["name": name, "area": area, "chosen": chosen, "errors": errors])
            }
            var response = try views.page("token-created", [
                "name": issued.name, "prefix": issued.prefix, "token": issued.token,
            ], session: context.session)
            // The only time the token is shown: keep it out of every cache.
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.post("/admin/tokens/{id}/revoke") { _, context in
            let caller = try context.caller()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该令牌") }
            try await tokens.revoke(id: id, by: .staff(caller))
            return .redirect(to: "/admin/tokens", type: .normal)
        }
    }

    private func page(
        _ tokens: ApiTokens, caller: Caller, context: AppRequestContext, status: HTTPResponse.Status = .ok,
        form: [String: Any] = [:]
    ) async throws -> Response {
        let list = try await tokens.list(by: .staff(caller))
        let chosen = form["chosen"] as? [String] ?? []
        let errors = form["errors"] as? [FieldError] ?? []
        return try views.page("tokens", [
            "tokens": list.map(Self.row),
            "scopes": ApiScope.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "checked": chosen.contains($0.rawValue)] },
            "name": form["name"] as? String ?? "",
            "area": form["area"] as? String ?? caller.staff.jurisdiction.root.rawValue,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "nameError": errors.contains { $0.field == "name" }, "areaError": errors.contains { $0.field == "area" },
        ], status: status, session: context.session)
    }

    static func row(_ token: ApiTokenSummary) -> [String: Any] {
        [
            "id": token.id, "name": token.name, "prefix": token.prefix,
            "scopes": token.scopes.map(\.rawValue).joined(separator: " "),
            "scopeNames": token.scopes.map(\.chineseName).joined(separator: "、"),
            "area": token.areaName.map { "\($0)(\(token.areaCode))" } ?? token.areaCode,
            "createdBy": token.createdBy, "createdAt": Self.time(token.createdAt),
            "lastUsedAt": token.lastUsedAt.map(Self.time) ?? "从未使用",
            "revokedAt": token.revokedAt.map(Self.time) as Any, "live": !token.isRevoked,
        ]
    }

    /// `yyyy-MM-dd HH:mm`, Beijing time.
    static func time(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.hour, .minute], from: date)
        return ChinaTime.dayString(date) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}
