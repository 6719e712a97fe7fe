import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The mediation organisations page: `/mediation/organizations` lists the organisations in the
/// jurisdiction for whoever sees cases; holders of `manageMediation` register and change them there
/// (forms with the CSRF token, no script). The registry decides who may.
struct MediationPageRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let registry = MediationRegistry(platform: platform)
        routes.get("/mediation/organizations") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.viewCases)
            return try await page(registry, caller: caller, context: context, saved: request.uri.queryParameters["saved"] != nil)
        }
        routes.post("/mediation/organizations") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let submission = Self.submission(try await request.formFields(context: context))
            do {
                try await registry.createOrganization(submission, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await page(registry, caller: caller, context: context, errors: errors, attempt: submission)
            }
            return .redirect(to: "/mediation/organizations?saved=1", type: .normal)
        }
        routes.post("/mediation/organizations/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该调解组织") }
            var submission = Self.submission(try await request.formFields(context: context))
            submission.active = submission.active ?? false
            do {
                try await registry.updateOrganization(id: id, submission, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await page(registry, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/mediation/organizations?saved=1", type: .normal)
        }
    }

    /// A form's fields; an unticked "active" box is sent as nothing, so edits set it explicitly.
    static func submission(_ form: FormFields) -> MediationOrganizationSubmission {
        MediationOrganizationSubmission(areaCode: form["areaCode"], kind: form["kind"], name: form["name"],
                                        address: form["address"], phone: form["phone"],
                                        active: form["active"] != nil ? true : nil)
    }

    static func kinds(selected: String?) -> [[String: Any]] {
        MediationOrganizationKind.allCases.map {
            ["value": $0.rawValue, "label": $0.chineseName, "selected": $0.rawValue == selected]
        }
    }

    private func page(
        _ registry: MediationRegistry, caller: Caller, context: AppRequestContext, errors: [FieldError] = [],
        attempt: MediationOrganizationSubmission? = nil, saved: Bool = false
    ) async throws -> Response {
        let organizations = try await registry.organizations(caller: caller)
        return try views.page("mediation-organizations", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "mayManage": caller.staff.may(.manageMediation),
            "organizations": organizations.map { o -> [String: Any] in
                [
                    "id": o.id, "name": o.name, "kindName": o.kindName, "areaCode": o.areaCode, "areaName": o.areaName as Any,
                    "address": o.address ?? "", "phone": o.phone ?? "", "active": o.active, "kinds": Self.kinds(selected: o.kind),
                ]
            },
            "new": [
                "name": attempt?.name ?? "", "areaCode": attempt?.areaCode ?? "", "address": attempt?.address ?? "",
                "kinds": Self.kinds(selected: attempt?.kind),
            ],
            "nameLimit": MediationOrganizationSubmission.nameLimit,
            "addressLimit": MediationOrganizationSubmission.addressLimit,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }
}
