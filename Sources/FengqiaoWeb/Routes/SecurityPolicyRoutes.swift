import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The security admin's policy page: password rules, lockout, session limits and the roles that
/// must sign in with two factors.
struct SecurityPolicyRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let store = SecurityPolicyStore(platform: platform)
        routes.get("/admin/security") { request, context in
            let policy = try await store.current(caller: try context.caller())
            return try page(SecurityPolicySubmission(policy), errors: [],
                            saved: request.uri.queryParameters["saved"] != nil, status: .ok, context: context)
        }
        routes.post("/admin/security") { request, context in
            let form = try await request.formFields(context: context)
            let submission = SecurityPolicySubmission(
                minimumLength: form["minimumLength"], minimumClasses: form["minimumClasses"],
                lockoutThreshold: form["lockoutThreshold"], lockoutMinutes: form["lockoutMinutes"],
                idleTimeoutMinutes: form["idleTimeoutMinutes"], sessionLifetimeHours: form["sessionLifetimeHours"],
                twoFactorRoles: Role.allCases.map(\.rawValue).filter { form["twoFactor.\($0)"] != nil })
            do {
                try await store.save(submission, by: try context.caller())
                return .redirect(to: "/admin/security?saved=1", type: .normal)
            } catch DomainError.validation(let errors) {
                return try page(submission, errors: errors, saved: false, status: .unprocessableContent, context: context)
            }
        }
    }

    private func page(
        _ values: SecurityPolicySubmission, errors: [FieldError], saved: Bool, status: HTTPResponse.Status,
        context: AppRequestContext
    ) throws -> Response {
        typealias Limits = SecurityPolicy.Limits
        func field(_ name: String, _ label: String, _ value: String?, _ range: ClosedRange<Int>, _ unit: String)
            -> [String: Any]
        {
            let error = errors.first { $0.field == name }?.message
            return ["name": name, "label": label, "value": value ?? "", "min": range.lowerBound, "max": range.upperBound,
                    "unit": unit, "error": error as Any, "invalid": error != nil]
        }
        let chosen = Set(values.twoFactorRoles)
        return try views.page("security-policy", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "fields": [
                field("minimumLength", "密码最短长度", values.minimumLength, Limits.minimumLength, "个字符"),
                field("minimumClasses", "密码须含字符类别数(大写、小写、数字、符号)", values.minimumClasses,
                      Limits.minimumClasses, "类"),
                field("lockoutThreshold", "连续失败几次后锁定账号", values.lockoutThreshold, Limits.lockoutThreshold, "次"),
                field("lockoutMinutes", "锁定时长", values.lockoutMinutes, Limits.lockoutMinutes, "分钟"),
                field("idleTimeoutMinutes", "空闲超时", values.idleTimeoutMinutes, Limits.idleTimeoutMinutes, "分钟"),
                field("sessionLifetimeHours", "会话最长时间", values.sessionLifetimeHours, Limits.sessionLifetimeHours,
                      "小时"),
            ],
            "roles": Role.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "checked": chosen.contains($0.rawValue)] },
        ], status: status, session: context.session)
    }
}
