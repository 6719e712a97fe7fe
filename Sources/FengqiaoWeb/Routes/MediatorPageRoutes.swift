import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The mediator pool page `/mediation/mediators`: every mediator in the jurisdiction with specialties,
/// languages, availability, load (open mediations) and track record, for whoever sees cases; register
/// and change forms for `manageMediation`. The change form shows every language with the mediator's
/// ticked, so saving keeps what it does not change.
struct MediatorPageRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let registry = MediationRegistry(platform: platform)
        routes.get("/mediation/mediators") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.viewCases)
            return try await page(registry, caller: caller, context: context, saved: request.uri.queryParameters["saved"] != nil)
        }
        routes.post("/mediation/mediators") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let submission = MediationCaseInput.mediator(try await request.formFields(context: context), editing: false)
            do {
                try await registry.createMediator(submission, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await page(registry, caller: caller, context: context, errors: errors, attempt: submission)
            }
            return .redirect(to: "/mediation/mediators?saved=1", type: .normal)
        }
        routes.post("/mediation/mediators/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该调解员") }
            let submission = MediationCaseInput.mediator(try await request.formFields(context: context), editing: true)
            do {
                try await registry.updateMediator(id: id, submission, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await page(registry, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/mediation/mediators?saved=1", type: .normal)
        }
    }

    private func page(
        _ registry: MediationRegistry, caller: Caller, context: AppRequestContext, errors: [FieldError] = [],
        attempt: MediatorSubmission? = nil, saved: Bool = false
    ) async throws -> Response {
        let mediators = try await registry.mediators(caller: caller)
        let organizations = try await registry.organizations(caller: caller)
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func organizationChoices(_ selected: Int64?) -> [[String: Any]] {
            organizations.filter { $0.active || $0.id == selected }.map { ["id": $0.id, "name": $0.name, "selected": $0.id == selected] }
        }
        func specialtyChoices(_ held: [String]) -> [[String: Any]] {
            MediationSpecialty.allCases.map { ["value": $0.rawValue, "label": $0.chineseName, "checked": held.contains($0.rawValue)] }
        }
        func languageChoices(_ held: [String]) -> [[String: Any]] {
            MediationLanguage.allCases.map { ["value": $0.rawValue, "label": $0.chineseName, "checked": held.contains($0.rawValue)] }
        }
        func availabilityChoices(_ current: String?) -> [[String: Any]] {
            MediatorAvailability.allCases.map { ["value": $0.rawValue, "label": $0.chineseName, "selected": $0.rawValue == current] }
        }
        return try views.page("mediation-mediators", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "mayManage": caller.staff.may(.manageMediation),
            "mediators": mediators.map { m -> [String: Any] in
                [
                    "id": m.id, "name": m.name, "organizationName": names[m.organizationId] ?? "", "phone": m.phone ?? "",
                    "specialtyNames": m.specialtyNames.joined(separator: "、"), "languageNames": m.languageNames.joined(separator: "、"),
                    "availabilityName": m.availabilityName, "active": m.active, "load": m.load, "succeeded": m.succeeded,
                    "concluded": m.concluded, "organizations": organizationChoices(m.organizationId),
                    "specialties": specialtyChoices(m.specialties), "languages": languageChoices(m.languages),
                    "availabilities": availabilityChoices(m.availability),
                ]
            },
            "new": [
                "name": attempt?.name ?? "", "organizations": organizationChoices(attempt?.organizationId),
                "specialties": specialtyChoices(attempt?.specialties ?? []),
                "languages": languageChoices(attempt?.languages ?? [MediationLanguage.mandarin.rawValue]),
                "availabilities": availabilityChoices(attempt?.availability ?? MediatorAvailability.available.rawValue),
            ] as [String: Any],
            "nameLimit": MediatorSubmission.nameLimit,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }
}
