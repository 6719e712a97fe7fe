import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The petition pages (`/petitions`, 信访接待): the list with filters and the 批次/人次 figures, the
/// registration form, the petition with its clocks and the forms its state allows (CSRF token, no script),
/// the audited reveal of identifiers and the PDF documents. `PetitionReception` decides who may.
struct PetitionRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let reception = PetitionReception(platform: platform)
        routes.get("/petitions") { request, context in
            let caller = try context.caller()
            let filter = PetitionInput.filter(request)
            let page = try await reception.list(filter, caller: caller)
            return try views.page("petitions", PetitionPageContext.list(
                page, filter: filter, mayRegister: !caller.staff.isMachine && caller.staff.may(.receivePetitions)),
                session: context.session)
        }
        routes.get("/petitions/new") { _, context in
            let caller = try context.caller()
            return try await formPage(PetitionSubmission(form: PetitionForm.visit.rawValue, persons: "1"), errors: [],
                                      key: SessionToken.random(), status: .ok, reception: reception, caller: caller,
                                      context: context)
        }
        routes.post("/petitions") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            let submission = PetitionInput.registration(form)
            do {
                let petition = try await reception.register(submission, idempotencyKey: form["idempotencyKey"], caller: caller)
                return .redirect(to: "/petitions/\(petition.id)", type: .normal)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await formPage(submission, errors: errors, key: form["idempotencyKey"] ?? SessionToken.random(),
                                          status: .unprocessableContent, reception: reception, caller: caller,
                                          context: context)
            }
        }
        routes.get("/petitions/{id}") { request, context in
            let caller = try context.caller()
            let petition = try await reception.petition(id: try PetitionInput.id(context), caller: caller)
            return try views.page("petition", PetitionPageContext.petition(
                petition, staff: caller.staff, saved: request.uri.queryParameters["saved"] != nil), session: context.session)
        }
        routes.post("/petitions/{id}/reveal") { _, context in
            let caller = try context.caller()
            let id = try PetitionInput.id(context)
            let revealed = try await reception.reveal(id: id, caller: caller)
            let petition = try await reception.petition(id: id, caller: caller)
            var response = try views.page("petition", PetitionPageContext.petition(
                petition, staff: caller.staff, revealed: revealed), session: context.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        for (path, action) in Self.actions {
            routes.post(RouterPath("/petitions/{id}/" + path)) { request, context in
                let caller = try context.caller()
                let id = try PetitionInput.id(context)
                let form = try await request.formFields(context: context)
                do {
                    _ = try await action(reception, id, form, caller)
                } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                    let petition = try await reception.petition(id: id, caller: caller)
                    return try views.page("petition", PetitionPageContext.petition(petition, staff: caller.staff, errors: errors),
                                          status: .unprocessableContent, session: context.session)
                }
                return .redirect(to: "/petitions/\(id)?saved=1", type: .normal)
            }
        }
        routes.get("/petitions/{id}/documents/{document}") { _, context in
            let caller = try context.caller()
            let document = try await reception.document(id: try PetitionInput.id(context),
                                                         kind: try PetitionInput.document(context), caller: caller)
            return try await views.document(
                document.kind == .reply ? "petition-reply" : "petition-notice", Self.documentContext(document),
                fileName: document.fileName, printer: platform.printer)
        }
    }

    typealias Action = @Sendable (PetitionReception, Int64, FormFields, Caller) async throws -> PetitionView

    /// The forms on the petition page, by path.
    static let actions: [(String, Action)] = [
        ("decision", { r, id, f, c in
            try await r.decide(id: id, PetitionDecisionSubmission(decision: f["decision"], reason: f["reason"],
                                                                  noticeChannel: f["noticeChannel"]), caller: c)
        }),
        ("extension", { r, id, f, c in
            try await r.requestExtension(id: id, PetitionExtensionSubmission(days: f["days"], reason: f["reason"]), caller: c)
        }),
        ("extension/approve", { r, id, _, c in try await r.decideExtension(id: id, approve: true, reason: nil, caller: c) }),
        ("extension/deny", { r, id, f, c in try await r.decideExtension(id: id, approve: false, reason: f["reason"], caller: c) }),
        ("reply", { r, id, f, c in
            try await r.reply(id: id, PetitionReplySubmission(reply: f["reply"], channel: f["channel"]), caller: c)
        }),
        ("review", { r, id, f, c in try await r.requestReview(id: id, PetitionReviewSubmission(request: f["request"]), caller: c) }),
        ("review/opinion", { r, id, f, c in
            try await r.decideReview(id: id, PetitionReviewSubmission(result: f["result"], opinion: f["opinion"]), caller: c)
        }),
        ("re-review", { r, id, f, c in
            try await r.requestReReview(id: id, PetitionReviewSubmission(request: f["request"]), caller: c)
        }),
        ("re-review/opinion", { r, id, f, c in
            try await r.decideReReview(id: id, PetitionReviewSubmission(result: f["result"], opinion: f["opinion"]), caller: c)
        }),
    ]

    static func documentContext(_ d: PetitionDocument) -> [String: Any] {
        [
            "title": d.title, "number": d.number, "addressees": d.addressees, "receivedDay": d.receivedDay,
            "formName": d.formName, "description": d.description, "respondentOrgan": d.respondentOrgan as Any,
            "decisionName": d.decisionName as Any, "body": d.body, "remedy": d.remedy, "issuer": d.issuer,
            "issuedDay": d.issuedDay,
        ]
    }

    private func formPage(
        _ submission: PetitionSubmission, errors: [FieldError], key: String, status: HTTPResponse.Status,
        reception: PetitionReception, caller: Caller, context: AppRequestContext
    ) async throws -> Response {
        let form = try await reception.form(caller: caller)
        return try views.page("petition-new", PetitionPageContext.form(submission, form: form, errors: errors, key: key),
                              status: status, session: context.session)
    }
}
