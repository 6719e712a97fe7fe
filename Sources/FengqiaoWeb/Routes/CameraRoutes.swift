import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The camera registry and the alert rules, configured by administrators holding `configureCases`:
/// `/admin/cameras` (list, register, change or retire a camera), `/admin/alert-rules` (threshold,
/// urgency and folding window per event type), and `GET /api/v1/cameras` for staff who see cases and
/// for the alert platforms' tokens. The services decide who may.
struct CameraRoutes {
    let platform: Platform
    let views: Views

    struct CameraList: Encodable {
        var cameras: [CameraView]
    }

    func add(to routes: inout RouteTable) {
        let registry = CameraRegistry(platform: platform)
        let rules = CameraAlertRules(platform: platform)
        routes.get("/api/v1/cameras") { _, context in
            try JSONResponse.encode(CameraList(cameras: try await registry.list(caller: try context.caller())))
        }
        routes.get("/admin/cameras") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            return try await camerasPage(registry, caller: caller, context: context,
                                         saved: request.uri.queryParameters["saved"] != nil)
        }
        routes.post("/admin/cameras") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let form = try await request.formFields(context: context)
            let submission = Self.submission(form)
            do {
                try await registry.register(submission, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await camerasPage(registry, caller: caller, context: context, errors: errors, attempt: submission)
            }
            return .redirect(to: "/admin/cameras?saved=1", type: .normal)
        }
        routes.post("/admin/cameras/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该摄像头") }
            let form = try await request.formFields(context: context)
            do {
                try await registry.update(id: id, Self.submission(form), caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await camerasPage(registry, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/admin/cameras?saved=1", type: .normal)
        }
        routes.get("/admin/alert-rules") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            return try await rulesPage(rules, caller: caller, context: context,
                                       saved: request.uri.queryParameters["saved"] != nil)
        }
        routes.post("/admin/alert-rules/{type}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let type = try context.parameters.require("type")
            let form = try await request.formFields(context: context)
            do {
                try await rules.save(eventType: type, threshold: form["threshold"], urgency: form["urgency"],
                                     windowMinutes: form["windowMinutes"], caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await rulesPage(rules, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/admin/alert-rules?saved=1", type: .normal)
        }
    }

    static func submission(_ form: FormFields) -> CameraSubmission {
        CameraSubmission(code: form["code"], name: form["name"], gridCode: form["gridCode"], latitude: form["latitude"],
                         longitude: form["longitude"], active: form["active"] != nil)
    }

    private func camerasPage(
        _ registry: CameraRegistry, caller: Caller, context: AppRequestContext, errors: [FieldError] = [],
        attempt: CameraSubmission? = nil, saved: Bool = false
    ) async throws -> Response {
        let cameras = try await registry.list(caller: caller)
        return try views.page("cameras", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "cameras": cameras.map { camera -> [String: Any] in
                [
                    "id": camera.id, "code": camera.code, "name": camera.name, "gridCode": camera.gridCode,
                    "gridName": camera.gridName as Any, "latitude": camera.latitude.map { String($0) } ?? "",
                    "longitude": camera.longitude.map { String($0) } ?? "", "active": camera.active,
                    "updatedAt": TokenRoutes.time(camera.updatedAt),
                ]
            },
            "new": [
                "code": attempt?.code ?? "", "name": attempt?.name ?? "", "gridCode": attempt?.gridCode ?? "",
                "latitude": attempt?.latitude ?? "", "longitude": attempt?.longitude ?? "",
            ],
            "nameLimit": CameraSubmission.nameLimit,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }

    private func rulesPage(
        _ rules: CameraAlertRules, caller: Caller, context: AppRequestContext, errors: [FieldError] = [], saved: Bool = false
    ) async throws -> Response {
        let list = try await rules.list(caller: caller)
        return try views.page("alert-rules", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "rules": list.map { rule -> [String: Any] in
                [
                    "type": rule.eventType, "name": rule.eventTypeName, "threshold": String(rule.threshold),
                    "windowMinutes": rule.windowMinutes, "configured": rule.configured,
                    "updatedBy": rule.updatedBy as Any, "updatedAt": rule.updatedAt.map(TokenRoutes.time) as Any,
                    "urgencies": Urgency.allCases.map {
                        ["value": $0.rawValue, "name": $0.chineseName, "selected": $0.rawValue == rule.urgency]
                    },
                ]
            },
            "windowMax": CameraAlertRule.windowRange.upperBound,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }
}
