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
            let address = gate.clientAddress(request, context: context)
            return try await page(code: code, error: nil, status: .ok, address: address, context: context)
        }
        routes.post("/track/rating") { request, context in
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: AppRequestContext.maxBodyBytes)))
            let code = fields["code"] ?? ""
            let address = gate.clientAddress(request, context: context)
            guard let sent = fields["_csrf"], let expected = request.cookies[Self.formCookie]?.value,
                  SessionMiddleware.constantTimeEqual(sent, expected)
            else {
                return try await page(code: code, error: "页面已过期,请刷新后重新评价", status: .forbidden, address: address,
                                      context: context)
            }
            // A code that finds nothing counts as a guess, as on the page.
            if case .refused(let response) = try await lookup(code: code, address: address, context: context) {
                return response
            }
            do {
                _ = try await CaseEngine(platform: platform).rateAsRequester(
                    trackingCode: code, satisfaction: fields["satisfaction"], ip: address)
            } catch let error as DomainError {
                let mapped = ErrorMapping.map(error)
                return try await page(code: code, error: mapped.detail, status: mapped.status, address: address,
                                      context: context)
            }
            let location = "/track?code=" + (code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Response(status: .seeOther, headers: [.location: location])
        }
    }

    enum Lookup {
        case found(PublicCaseStatus)
        case refused(Response)
    }

    /// Looks `code` up for the client at `address` through the gate's guess limit: the status, or the
    /// tracking page with the refusal (404 unknown code, 422 malformed, 429 too many wrong codes).
    private func lookup(code: String, address: String, context: AppRequestContext) async throws -> Lookup {
        do {
            try await gate.admitLookup(address: address)
            let found = try await CaseTracking(platform: platform).status(trackingCode: code)
            await gate.found(address: address)
            return .found(found)
        } catch let failure as LookupLimited {
            let mapped = ErrorMapping.map(failure)
            var response = try views.page("track", ["code": code, "error": mapped.detail, "errorCode": mapped.code],
                                          status: mapped.status, session: context.session)
            response.headers[.retryAfter] = String(failure.retryAfterSeconds)
            return .refused(response)
        } catch let failure as DomainError {
            let mapped = ErrorMapping.map(failure)
            return .refused(try views.page("track", ["code": code, "error": mapped.detail, "errorCode": mapped.code],
                                           status: mapped.status, session: context.session))
        }
    }

    /// The page for `code`: its status (with the rating form while the case waits for one), or the error.
    private func page(code: String, error: String?, status: HTTPResponse.Status, address: String,
                      context: AppRequestContext) async throws -> Response
    {
        let found: PublicCaseStatus
        switch try await lookup(code: code, address: address, context: context) {
        case .refused(let response): return response
        case .found(let status): found = status
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
