import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 通报批评扣分 pages: `/assessment/deductions` lists the deductions of the units in view (revoked ones too) and, for
/// assessors, the form that records one and each standing one's revoke form. A deduction or a unit outside the
/// jurisdiction answers 404.
struct AssessmentDeductionRoutes {
    let platform: Platform
    let views: Views
    let recompute: AssessmentRecompute

    func add(to routes: inout RouteTable) {
        let deductions = ScoreDeductions(platform: platform, recompute: recompute)
        routes.get("/assessment/deductions") { request, context in
            let caller = try context.caller()
            let filter = request.uri.queryParameters["revoked"].map(String.init)
            return try await page(revoked: filter == "yes" ? true : filter == "no" ? false : nil, fields: nil, errors: [],
                                  revoking: nil, status: .ok, caller: caller, context: context)
        }
        routes.post("/assessment/deductions") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            do {
                _ = try await deductions.record(DeductionSubmission(
                    unit: fields["unit"], period: fields["period"], points: fields["points"], reason: fields["reason"],
                    documentNumber: fields["documentNumber"]), caller: caller)
                return .redirect(to: "/assessment/deductions", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await page(revoked: nil, fields: fields, errors: errors, revoking: nil,
                                      status: .unprocessableContent, caller: caller, context: context)
            }
        }
        routes.post("/assessment/deductions/{id}/revoke") { request, context in
            let caller = try context.caller()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该扣分记录") }
            let fields = try await request.formFields(context: context)
            do {
                try await deductions.revoke(id: id, reason: fields["reason"], caller: caller)
                return .redirect(to: "/assessment/deductions", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await page(revoked: nil, fields: nil, errors: errors, revoking: id, status: .unprocessableContent,
                                      caller: caller, context: context)
            }
        }
    }

    private func page(revoked: Bool?, fields: FormFields?, errors: [FieldError], revoking: Int64?,
                      status: HTTPResponse.Status, caller: Caller, context: AppRequestContext) async throws -> Response
    {
        let deductions = ScoreDeductions(platform: platform, recompute: recompute)
        let list = try await deductions.list(revoked: revoked, caller: caller)
        let mayRecord = caller.staff.may(.assess)
        var page = ManualPointsPageContext.errors(revoking == nil ? errors : [],
                                                fields: ["unit", "period", "points", "reason", "documentNumber"])
        page["deductions"] = list.map { d -> [String: Any] in
            ["id": d.id, "unit": d.unit.name, "kind": d.unit.unit.kind.chineseName, "period": d.period.label,
             "points": ManualPointsPageContext.points(d.points), "reason": d.reason, "documentNumber": d.documentNumber,
             "recordedBy": d.recordedByName, "recordedAt": ManualPointsPageContext.minute(d.recordedAt),
             "revoked": d.revokedAt.map { _ in
                 ["by": d.revokedByName ?? "", "at": ManualPointsPageContext.minute(d.revokedAt), "reason": d.revokeReason ?? ""]
             } as Any,
             "mayRevoke": mayRecord && !d.isRevoked,
             "revokeError": (d.id == revoking ? errors.first?.message : nil) as Any]
        }
        page["filters"] = [("", "全部", revoked == nil), ("no", "有效", revoked == false), ("yes", "已撤销", revoked == true)]
            .map { ["value": $0.0, "name": $0.1, "selected": $0.2] }
        page["mayRecord"] = mayRecord
        if mayRecord {
            let units = try await deductions.units(caller: caller)
            page["units"] = ManualPointsPageContext.units(units, chosen: fields?["unit"])
            page["periods"] = ManualPointsPageContext.months(now: platform.clock.now(), chosen: fields?["period"])
            for name in ["points", "reason", "documentNumber"] { page[name] = fields?[name] ?? "" }
        }
        return try views.page("assessment-deductions", page, status: status, session: context.session)
    }
}
