import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The outcome forms and downloads of the mediation page `/mediation/cases/{number}`: conclude, the
/// 人民调解协议书 PDF, the signed copy (multipart), performance, hand-off, ruling and the hand-off
/// package. Forms carry the CSRF token and work without script; field errors re-render the page (422)
/// with what was typed.
struct MediationOutcomePageRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let outcomes = MediationOutcomes(platform: platform)
        let pages = MediationCasePages(platform: platform, views: views)
        let print = views.mediationDocuments(printer: platform.printer)
        let base = "/mediation/cases/{number}"
        func form(_ path: String, _ act: @escaping @Sendable (String, FormFields, Caller) async throws -> Void) {
            routes.post(RouterPath(base + path)) { request, context in
                let caller = try context.caller()
                try caller.staff.require(.mediate)
                let number = try context.parameters.require("number")
                let fields = try await request.formFields(context: context)
                do {
                    try await act(number, fields, caller)
                } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                    return try await pages.mediation(number, caller: caller, context: context, errors: errors, form: fields)
                }
                return .redirect(to: "/mediation/cases/\(number)?saved=1#outcome", type: .normal)
            }
        }
        form("/conclusion") { number, fields, caller in
            try await outcomes.conclude(number: number, MediationOutcomeInput.conclusion(fields), caller: caller)
        }
        form("/agreement/performance") { number, fields, caller in
            try await outcomes.recordPerformance(number: number, MediationOutcomeInput.performance(fields), caller: caller)
        }
        form("/confirmation") { number, fields, caller in
            try await outcomes.handOff(number: number, MediationOutcomeInput.handOff(fields), caller: caller)
        }
        form("/confirmation/ruling") { number, fields, caller in
            try await outcomes.recordRuling(number: number, MediationOutcomeInput.ruling(fields), caller: caller)
        }
        routes.post(RouterPath(base + "/agreement/signed-copy")) { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let upload = try await MediationOutcomeRoutes.signedCopy(request)
            do {
                try await outcomes.uploadSignedCopy(number: number, file: upload.data, filename: upload.filename,
                                                    signedOn: upload.signedOn, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await pages.mediation(number, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/mediation/cases/\(number)?saved=1#outcome", type: .normal)
        }
        routes.get(RouterPath(base + "/agreement.pdf")) { _, context in
            let number = try context.parameters.require("number")
            return MediationOutcomeRoutes.download(
                try await outcomes.agreementDocument(number: number, caller: try context.caller(), print: print))
        }
        routes.get(RouterPath(base + "/confirmation/package.zip")) { _, context in
            let number = try context.parameters.require("number")
            return MediationOutcomeRoutes.download(
                try await outcomes.confirmationPackage(number: number, caller: try context.caller(), print: print))
        }
    }
}
