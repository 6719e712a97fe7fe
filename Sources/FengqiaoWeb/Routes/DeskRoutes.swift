import FengqiaoDomain
import FengqiaoQRCode
import FengqiaoServices
import Foundation
import Hummingbird

/// The reception desk (`/desk`, 来信来电来访) for operators who take in cases: one form per channel,
/// a preview listing the likely duplicates (no JavaScript: the draft travels in hidden fields and the
/// scanned pages are held by the server), the confirmation ("仍然登记" or "并入此案") carrying an
/// idempotency key, and the printable receipt (受理回执) with the tracking code and its QR code.
struct DeskRoutes {
    let platform: Platform
    let views: Views
    let publicURL: String?

    /// Scanned pages come in one form: up to 30 MB of files plus the fields.
    static let maximumBodyBytes = 32 << 20

    func add(to routes: inout RouteTable) {
        let desk = DeskIntake(platform: platform)
        routes.get("/desk") { request, context in
            let caller = try context.caller()
            let chosen = request.uri.queryParameters["channel"].flatMap { Channel(rawValue: String($0)) }
            let channel = chosen.map { IntakeDetailsSubmission.channels.contains($0) ? $0 : .walkIn } ?? .walkIn
            let draft = DeskDraft(details: IntakeDetailsSubmission(
                channel: channel.rawValue, visitors: "1",
                calledAt: DeskPageContext.localMinute(platform.clock.now())))
            return try await formPage(draft, pages: [], errors: [], status: .ok, desk: desk, caller: caller,
                                      context: context)
        }
        routes.post("/desk/preview") { request, context in
            let caller = try context.caller()
            let input = try await DeskInput.read(request, context: context)
            var draft = input.draft
            var errors: [FieldError] = []
            var pages = try await desk.stagedPages(tokens: draft.pages, caller: caller)
            if pages.count != draft.pages.count {
                errors.append(FieldError(field: "pageFiles", code: "expired", message: "部分扫描件已过期,请重新上传"))
            }
            if draft.details.channel == Channel.letter.rawValue, !input.files.isEmpty {
                let staged = try await desk.stage(input.files, caller: caller)
                pages += staged.pages
                errors += staged.errors
            }
            draft.pages = pages.map(\.token)
            if input.edit {
                return try await formPage(draft, pages: pages, errors: [], status: .ok, desk: desk, caller: caller,
                                          context: context)
            }
            do {
                let preview = try await desk.preview(draft, caller: caller)
                guard errors.isEmpty else { throw DomainError.validation(errors) }
                return try views.page("desk-preview", DeskPageContext.preview(draft, preview: preview,
                                                                               key: SessionToken.random()),
                                      session: context.session)
            } catch DomainError.validation(let fields) {
                return try await formPage(draft, pages: pages, errors: errors + fields.filter { !errors.contains($0) },
                                          status: .unprocessableContent, desk: desk, caller: caller, context: context)
            }
        }
        routes.post("/desk/confirm") { request, context in
            let caller = try context.caller()
            let input = try await DeskInput.read(request, context: context)
            do {
                let registration = try await desk.register(input.draft, attachTo: input.attachTo,
                                                           idempotencyKey: input.idempotencyKey, caller: caller)
                return .redirect(to: "/desk/cases/\(registration.number)/receipt", type: .normal)
            } catch DomainError.validation(let fields) {
                var draft = input.draft
                let pages = try await desk.stagedPages(tokens: draft.pages, caller: caller)
                draft.pages = pages.map(\.token)
                return try await formPage(draft, pages: pages, errors: fields, status: .unprocessableContent, desk: desk,
                                          caller: caller, context: context)
            }
        }
        routes.get("/desk/cases/{number}/receipt") { request, context in
            let caller = try context.caller()
            let receipt = try await desk.receipt(caseNumber: try context.parameters.require("number"), caller: caller)
            let trackingURL = ContactCardRoutes.base(publicURL, request) + "/track?code=" + receipt.trackingCode
            let qr = try QRCode(text: trackingURL, correction: .medium)
            return try views.page("desk-receipt", DeskPageContext.receipt(
                receipt, trackingURL: trackingURL, qrSVG: qr.svg(moduleSize: 4, quietZone: 4),
                printedAt: platform.clock.now()), session: context.session)
        }
    }

    private func formPage(
        _ draft: DeskDraft, pages: [StagedPage], errors: [FieldError], status: HTTPResponse.Status, desk: DeskIntake,
        caller: Caller, context: AppRequestContext
    ) async throws -> Response {
        let form = try await desk.form(caller: caller)
        return try views.page("desk", DeskPageContext.form(draft, form: form, pages: pages, errors: errors),
                              status: status, session: context.session)
    }
}
