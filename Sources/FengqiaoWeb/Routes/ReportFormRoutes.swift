import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The residents' report page (扫码反映 / 网上反映): reached from a grid's QR code (`/report?grid=CODE`,
/// channel qrCode) or the general link (channel web); a five-colour bag makes it channel fiveColorBag.
/// Mobile-first, no account, works without JavaScript (`/static/report.js` only fills the location and
/// keeps bag and category apart). A double-submit token guards it against forged posts; the gate's rate
/// limits and honeypot against floods.
struct ReportFormRoutes {
    let platform: Platform
    let views: Views
    let secureCookies: Bool
    let gate: ReportGate
    static let formCookie = "fq_report_csrf"

    func add(to routes: inout RouteTable) {
        routes.get("/report") { request, context in
            let grid = request.uri.queryParameters["grid"].map(String.init) ?? ""
            return try await form(grid: grid, values: [:], errors: [], status: .ok, context: context)
        }
        routes.post("/report") { request, context in
            let address = gate.clientAddress(request, context: context)
            var request = request
            let input = try await ReportInput.read(&request, json: false)
            let grid = input.values["gridCode"] ?? ""
            func refused(_ errors: [FieldError], _ status: HTTPResponse.Status) async throws -> Response {
                try await form(grid: grid, values: input.values, errors: errors, status: status, context: context)
            }
            do {
                try await gate.admit(address: address)
            } catch let limited as RateLimited {
                var response = try await refused([FieldError(field: "", code: "rate_limited", message: limited.message)],
                                                 .tooManyRequests)
                response.headers[.retryAfter] = String(limited.retryAfterSeconds)
                return response
            }
            guard let sent = input.csrf, let expected = request.cookies[Self.formCookie]?.value,
                  SessionMiddleware.constantTimeEqual(sent, expected)
            else {
                return try await refused([FieldError(field: "_csrf", code: "csrf_failed", message: "页面已过期,请重新提交")],
                                         .forbidden)
            }
            guard input.errors.isEmpty else { return try await refused(input.errors, .unprocessableContent) }
            let intake = ReportIntake(platform: platform)
            if input.honeypotFilled {
                gate.caughtHoneypot()
                return try receipt(try await intake.decoyReceipt(), photos: input.photos.count, context: context)
            }
            var submission = input.submission
            submission.channel = grid.isEmpty ? Channel.web.rawValue : Channel.qrCode.rawValue
            submission.gridCode = grid.isEmpty ? nil : grid
            submission.idempotencyKey = "form-\(sent)"
            let phone: String?
            do {
                phone = try await gate.admit(phone: submission.contactPhone)
            } catch let limited as RateLimited {
                var response = try await refused(
                    [FieldError(field: "contactPhone", code: "rate_limited", message: "该号码" + limited.message)],
                    .tooManyRequests)
                response.headers[.retryAfter] = String(limited.retryAfterSeconds)
                return response
            }
            do {
                let filed = try await intake.submit(submission, photos: input.photos)
                if filed.replayed { await gate.refund(phone: phone) }
                return try receipt(filed, photos: input.photos.count, context: context)
            } catch DomainError.validation(let errors) {
                await gate.refund(phone: phone)
                return try await refused(errors, .unprocessableContent)
            } catch {
                await gate.refund(phone: phone)
                throw error
            }
        }
    }

    private func receipt(_ receipt: ReportReceipt, photos: Int, context: AppRequestContext) throws -> Response {
        try views.page("report-receipt", [
            "number": receipt.number, "trackingCode": receipt.trackingCode, "photos": photos > 0 ? photos : nil,
        ], status: receipt.replayed ? .ok : .created, session: context.session)
    }

    private func form(
        grid: String, values: [String: String], errors: [FieldError], status: HTTPResponse.Status,
        context requestContext: AppRequestContext
    ) async throws -> Response {
        let place = try await ReportIntake(platform: platform).gridPlace(code: grid)
        let tree = try await CaseCategories(platform: platform).publicTree()
        let token = SessionToken.random()
        let message = { (fields: [String]) in errors.first { fields.contains($0.field) }?.message as Any }
        let chosenBag = values["bag"] ?? ""
        let chosenCategory = values["category"] ?? ""
        let context: [String: Any] = [
            "csrf": token, "grid": place == nil ? "" : grid, "place": place?.joined(separator: " · ") as Any,
            "bags": FiveColorBag.allCases.map {
                ["value": $0.rawValue, "label": $0.label, "colour": $0.colour, "meaning": $0.meaning,
                 "checked": chosenBag == $0.rawValue]
            },
            "noBag": FiveColorBag(rawValue: chosenBag) == nil,
            // What residents may choose: the active categories the intake knows (administrators' own
            // additions are offered to staff when they accept a case).
            "kinds": tree.kinds.map { branch in
                ["name": branch.name, "categories": branch.categories.filter { branch.kind.defaultCategories.contains($0.name) }
                    .map { ["value": $0.name, "selected": chosenCategory == $0.name] }]
            },
            "description": values["description"] ?? "", "address": values["address"] ?? "",
            "latitude": values["latitude"] ?? "", "longitude": values["longitude"] ?? "",
            "contactName": values["contactName"] ?? "", "contactPhone": values["contactPhone"] ?? "",
            "descriptionLimit": ReportSubmission.descriptionLimit, "photoLimit": ReportPhotos.limit,
            "photoMegabytes": ReportPhotos.maxBytes >> 20,
            "errors": errors.map { ["message": $0.message] },
            "descriptionError": message(["description"]), "categoryError": message(["kind", "category", "bag"]),
            "contactPhoneError": message(["contactPhone"]), "addressError": message(["address"]),
            "contactNameError": message(["contactName"]), "photosError": message([ReportPhotos.field]),
            "locationError": message(["latitude", "longitude"]), "gridError": message(["gridCode"]),
        ]
        var response = try views.page("report", context, status: status, session: requestContext.session)
        response.setCookie(Cookie(
            name: Self.formCookie, value: token, path: "/report", secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
