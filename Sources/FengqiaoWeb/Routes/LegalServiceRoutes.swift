import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 法律服务 on the residents' portal: what 法律援助, 公证 and 律师咨询 are, and the appointment form that
/// files a case for the legal services desk (`LegalAppointments`) and answers with its tracking code.
/// Guarded like `/report`: a double-submit token (the session's own when someone is signed in) and the
/// report gate's per-address and per-phone limits.
struct LegalServiceRoutes {
    let platform: Platform
    let views: Views
    let secureCookies: Bool
    let gate: ReportGate
    static let formCookie = "fq_legal_csrf"
    static let fields = ["service", "name", "phone", "preferredDay", "matter", "areaCode"]

    func add(to routes: inout RouteTable) {
        routes.get("/portal/legal") { _, context in
            try await form(values: [:], errors: [], status: .ok, context: context)
        }
        routes.post("/portal/legal") { request, context in
            let address = gate.clientAddress(request, context: context)
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: AppRequestContext.maxBodyBytes)))
            var values: [String: String] = [:]
            for name in Self.fields { values[name] = fields[name] }
            func refused(_ errors: [FieldError], _ status: HTTPResponse.Status, retryAfter: Int? = nil) async throws
                -> Response
            {
                var response = try await form(values: values, errors: errors, status: status, context: context)
                if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            }
            do {
                try await gate.admit(address: address)
            } catch let limited as RateLimited {
                return try await refused([FieldError(field: "", code: "rate_limited", message: limited.message)],
                                         .tooManyRequests, retryAfter: limited.retryAfterSeconds)
            }
            guard let sent = fields["_csrf"], let expected = request.cookies[Self.formCookie]?.value,
                  SessionMiddleware.constantTimeEqual(sent, expected)
            else {
                return try await refused([FieldError(field: "_csrf", code: "csrf_failed", message: "页面已过期,请重新提交")],
                                         .forbidden)
            }
            let appointment = LegalAppointment(
                service: values["service"], name: values["name"], phone: values["phone"],
                preferredDay: values["preferredDay"], matter: values["matter"], areaCode: values["areaCode"])
            let phone: String?
            do {
                phone = try await gate.admit(phone: appointment.phone)
            } catch let limited as RateLimited {
                return try await refused(
                    [FieldError(field: "phone", code: "rate_limited", message: "该号码" + limited.message)],
                    .tooManyRequests, retryAfter: limited.retryAfterSeconds)
            }
            do {
                // Each rendering of the form has its own id: sending it twice files one case.
                let formID = fields["formId"].flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 }
                let receipt = try await LegalAppointments(platform: platform).book(
                    appointment, idempotencyKey: formID.map { "legal-\($0)" })
                if receipt.replayed { await gate.refund(phone: phone) }
                return try views.page("portal-legal-receipt", [
                    "number": receipt.number, "trackingCode": receipt.trackingCode,
                    "service": LegalService(rawValue: values["service"] ?? "")?.chineseName as Any,
                ], status: receipt.replayed ? .ok : .created, session: context.session)
            } catch DomainError.validation(let errors) {
                await gate.refund(phone: phone)
                return try await refused(errors, .unprocessableContent)
            } catch {
                await gate.refund(phone: phone)
                throw error
            }
        }
    }

    private func form(values: [String: String], errors: [FieldError], status: HTTPResponse.Status,
                      context: AppRequestContext) async throws -> Response
    {
        let places = try await PublicGridDirectory(platform: platform).townshipsAndVillages()
        // Signed in, the session's own token passes both checks (the session's and the form's).
        let token = context.session?.csrfToken ?? SessionToken.random()
        let message = { (field: String) in errors.first { $0.field == field }?.message as Any }
        let chosen = values["service"] ?? ""
        var response = try views.page("portal-legal", [
            "csrf": token, "formId": SessionToken.random(),
            "services": LegalService.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "summary": $0.summary, "checked": $0.rawValue == chosen]
            },
            "areas": PortalRoutes.areaOptions(places, chosen: values["areaCode"] ?? ""),
            "name": values["name"] ?? "", "phone": values["phone"] ?? "", "preferredDay": values["preferredDay"] ?? "",
            "matter": values["matter"] ?? "", "matterLimit": LegalAppointment.matterLimit,
            "errors": errors.map { ["message": $0.message, "code": $0.code] },
            "serviceError": message("service"), "nameError": message("name"), "phoneError": message("phone"),
            "preferredDayError": message("preferredDay"), "matterError": message("matter"),
            "areaCodeError": message("areaCode"),
        ], status: status, session: context.session)
        response.setCookie(Cookie(name: Self.formCookie, value: token, path: "/portal/legal", secure: secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }
}
