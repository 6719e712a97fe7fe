import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The mediation pages: `/mediation` lists the mediations in the jurisdiction, `/mediation/new` opens one
/// (directly, from a case, or sent in by a partner), `/mediation/cases/{number}` shows one with its
/// parties (masked), sessions, referrals and suggested mediators, and takes the forms that move it.
/// Forms carry the CSRF token and work without script; a form's field errors re-render its page (422).
struct MediationCasePageRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let mediations = MediationCases(platform: platform)
        let pages = MediationCasePages(platform: platform, views: views)
        routes.get("/mediation") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.viewCases)
            let state = request.uri.queryParameters["state"].map(String.init)
            return try await pages.list(state: state, caller: caller, context: context)
        }
        routes.get("/mediation/new") { _, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            return try await pages.new(caller: caller, context: context)
        }
        routes.post("/mediation/new") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let form = try await request.formFields(context: context)
            do {
                let opened = try await mediations.open(try MediationCaseInput.opening(form), caller: caller)
                return .redirect(to: "/mediation/cases/\(opened.number)?saved=1", type: .normal)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await pages.new(caller: caller, context: context, errors: errors, form: form)
            }
        }
        routes.get("/mediation/cases/{number}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.viewCases)
            let number = try context.parameters.require("number")
            return try await pages.mediation(number, caller: caller, context: context,
                                             saved: request.uri.queryParameters["saved"] != nil)
        }
        // Each form: the service decides; field errors re-render the page.
        func form(_ path: String, _ permission: Permission?,
                  _ act: @escaping @Sendable (String, FormFields, Caller) async throws -> Void) {
            routes.post(RouterPath("/mediation/cases/{number}" + path)) { request, context in
                let caller = try context.caller()
                if let permission { try caller.staff.require(permission) }
                let number = try context.parameters.require("number")
                let fields = try await request.formFields(context: context)
                do {
                    try await act(number, fields, caller)
                } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                    return try await pages.mediation(number, caller: caller, context: context, errors: errors)
                }
                return .redirect(to: "/mediation/cases/\(number)?saved=1", type: .normal)
            }
        }
        form("/mediator", .manageMediation) { number, fields, caller in
            try await mediations.assign(number: number, mediatorId: MediationCaseInput.int(fields["mediatorId"]), caller: caller)
        }
        form("/withdraw", nil) { number, fields, caller in
            try await mediations.withdraw(number: number, reason: fields["reason"], caller: caller)
        }
        // A party added afterwards: its field errors stand beside its form, which keeps what was typed.
        routes.post("/mediation/cases/{number}/parties") { request, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            let fields = try await request.formFields(context: context)
            do {
                try await mediations.addParty(number: number, MediationCaseInput.party(fields), caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await pages.mediation(number, caller: caller, context: context, partyErrors: errors, party: fields)
            }
            return .redirect(to: "/mediation/cases/\(number)?saved=1#parties", type: .normal)
        }
        form("/sessions", .mediate) { number, fields, caller in
            try await mediations.addSession(number: number, MediationCaseInput.session(fields), caller: caller)
        }
        routes.post("/mediation/cases/{number}/sessions/{session}/outcome") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            guard let session = Int(try context.parameters.require("session")) else { throw DomainError.notFound(what: "该调解会") }
            let fields = try await request.formFields(context: context)
            do {
                try await mediations.recordSessionOutcome(number: number, sessionNumber: session,
                                                          MediationCaseInput.session(fields), caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await pages.mediation(number, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/mediation/cases/\(number)?saved=1", type: .normal)
        }
        form("/referrals", .mediate) { number, fields, caller in
            try await mediations.refer(number: number, MediationCaseInput.referral(fields), caller: caller)
        }
        routes.post("/mediation/cases/{number}/referrals/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该联动记录") }
            let fields = try await request.formFields(context: context)
            do {
                try await mediations.updateReferral(number: number, referralId: id, MediationCaseInput.referralUpdate(fields),
                                                    caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await pages.mediation(number, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/mediation/cases/\(number)?saved=1", type: .normal)
        }
    }
}
