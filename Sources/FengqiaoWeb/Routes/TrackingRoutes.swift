import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The public tracking page (一案一码): a case's progress and the answers meant for the requester, and
/// once the case is closed the requester's rating (满意 / 基本满意 / 不满意), which goes through the case
/// engine's `revisit` on channel portal. The rating form is guarded by a double-submit token.
struct TrackingRoutes {
    let platform: Platform
    let views: Views
    let secureCookies: Bool
    let gate: ReportGate
    static let formCookie = "fq_track_csrf"

    func add(to routes: inout RouteTable) {
        routes.get("/track") { request, context in
            let code = request.uri.queryParameters["code"].map(String.init) ?? ""
            guard !code.isEmpty else { return try views.page("track", ["code": ""], session: context.session) }
            return try await page(code: code, error: nil, status: .ok, context: context)
        }
        routes.post("/track/rating") { request, context in
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: AppRequestContext.maxBodyBytes)))
            let code = fields["code"] ?? ""
            guard let sent = fields["_csrf"], let expected = request.cookies[Self.formCookie]?.value,
                  SessionMiddleware.constantTimeEqual(sent, expected)
            else {
                return try await page(code: code, error: "页面已过期,请刷新后重新评价", status: .forbidden, context: context)
            }
            do {
                _ = try await CaseEngine(platform: platform).rateAsRequester(
                    trackingCode: code, satisfaction: fields["satisfaction"],
                    ip: gate.clientAddress(request, context: context))
            } catch let error as DomainError {
                let mapped = ErrorMapping.map(error)
                return try await page(code: code, error: mapped.detail, status: mapped.status, context: context)
            }
            let location = "/track?code=" + (code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Response(status: .seeOther, headers: [.location: location])
        }
    }

    /// The page for `code`: its status (with the rating form while the case waits for one), or the error.
    private func page(code: String, error: String?, status: HTTPResponse.Status, context: AppRequestContext)
        async throws -> Response
    {
        let found: PublicCaseStatus
        do {
            found = try await CaseTracking(platform: platform).status(trackingCode: code)
        } catch let failure as DomainError {
            let mapped = ErrorMapping.map(failure)
            return try views.page("track", ["code": code, "error": mapped.detail], status: mapped.status,
                                  session: context.session)
        }
        let token = found.canRate ? SessionToken.random() : nil
        var response = try views.page("track", [
            "code": found.trackingCode, "status": Self.context(found), "ratingError": error as Any,
            "ratingCSRF": token as Any,
            "ratings": Satisfaction.allCases.map { ["value": $0.rawValue, "name": $0.chineseName] },
        ], status: status, session: context.session)
        if let token {
            response.setCookie(Cookie(name: Self.formCookie, value: token, path: "/track", secure: secureCookies,
                                      httpOnly: true, sameSite: .strict))
        }
        return response
    }

    static func context(_ status: PublicCaseStatus) -> [String: Any] {
        let format = Date.FormatStyle(date: .numeric, time: .shortened, locale: Locale(identifier: "zh_CN"),
                                      timeZone: ChinaTime.timeZone)
        return [
            "number": status.number, "stateName": status.stateName, "kindName": status.kindName,
            "category": status.category,
            "steps": status.steps.map { ["at": $0.at.formatted(format), "stateName": $0.stateName] },
            "replies": status.replies.map { ["at": $0.at.formatted(format), "label": $0.label, "text": $0.text] },
            "satisfaction": status.satisfaction?.chineseName as Any, "canRate": status.canRate,
        ]
    }
}
