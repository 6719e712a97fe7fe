import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The public report form (扫码反映): what a resident sees after scanning a grid's QR code. Works
/// without an account and without JavaScript; a double-submit token guards it against forged posts.
struct ReportFormRoutes {
    let platform: Platform
    let views: Views
    let secureCookies: Bool
    static let formCookie = "fq_report_csrf"

    func add(to routes: inout RouteTable) {
        routes.get("/report") { request, context in
            let grid = request.uri.queryParameters["grid"].map(String.init) ?? ""
            return try await form(grid: grid, values: FormFields(""), errors: [], status: .ok, context: context)
        }
        routes.post("/report") { request, context in
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            let grid = fields["gridCode"] ?? ""
            guard let sent = fields["_csrf"], let expected = request.cookies[Self.formCookie]?.value,
                  SessionMiddleware.constantTimeEqual(sent, expected)
            else {
                let error = FieldError(field: "_csrf", code: "csrf_failed", message: "页面已过期,请重新提交")
                return try await form(grid: grid, values: fields, errors: [error], status: .forbidden, context: context)
            }
            let submission = ReportSubmission(
                channel: Channel.qrCode.rawValue, kind: fields["kind"], description: fields["description"],
                address: fields["address"], gridCode: grid.isEmpty ? nil : grid, contactName: fields["contactName"],
                contactPhone: fields["contactPhone"], idempotencyKey: fields["_csrf"].map { "form-\($0)" })
            do {
                let receipt = try await ReportIntake(platform: platform).submit(submission)
                return try views.page("report-receipt", [
                    "number": receipt.number, "trackingCode": receipt.trackingCode,
                ], status: receipt.replayed ? .ok : .created, session: context.session)
            } catch DomainError.validation(let errors) {
                return try await form(grid: grid, values: fields, errors: errors, status: .unprocessableContent, context: context)
            }
        }
    }

    private func form(
        grid: String, values: FormFields, errors: [FieldError], status: HTTPResponse.Status,
        context requestContext: AppRequestContext
    ) async throws -> Response {
        let place = try await ReportIntake(platform: platform).gridPlace(code: grid)
        let token = SessionToken.random()
        let message = { (field: String) in errors.first { $0.field == field }?.message as Any }
        let context: [String: Any] = [
            "csrf": token, "grid": place == nil ? "" : grid, "place": place?.joined(separator: " · ") as Any,
            "kinds": CaseKind.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": values["kind"] == $0.rawValue] },
            "description": values["description"] ?? "", "address": values["address"] ?? "",
            "contactName": values["contactName"] ?? "", "contactPhone": values["contactPhone"] ?? "",
            "errors": errors.map { ["message": $0.message] },
            "descriptionError": message("description"), "kindError": message("kind"),
            "contactPhoneError": message("contactPhone"), "addressError": message("address"),
        ]
        var response = try views.page("report", context, status: status, session: requestContext.session)
        response.setCookie(Cookie(
            name: Self.formCookie, value: token, path: "/report", secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
