import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 考核申诉 pages: `/assessment/appeals` (the appeals of the units in view, by state, and the form to appeal for one's
/// own unit, prefilled from `?period=&unit=&indicator=&case=` so that a score page can link to it),
/// `/assessment/appeals/{id}` (one appeal, with the assessor's decision form). An appeal of a unit outside the
/// jurisdiction answers 404.
struct AssessmentAppealRoutes {
    let platform: Platform
    let views: Views
    let recompute: AssessmentRecompute

    func add(to routes: inout RouteTable) {
        let appeals = ScoreAppeals(platform: platform, recompute: recompute)
        routes.get("/assessment/appeals") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            let state = query["state"].flatMap { AppealState(rawValue: String($0)) }
            var prefill: [String: String] = [:]
            for name in ["period", "unit", "indicator", "case"] {
                if let value = query[Substring(name)] { prefill[name] = String(value.prefix(60)) }
            }
            return try await listPage(state: state, values: prefill, errors: [], status: .ok, caller: caller, context: context)
        }
        routes.post("/assessment/appeals") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            do {
                let id = try await appeals.file(AppealSubmission(
                    unit: fields["unit"], period: fields["period"], indicator: fields["indicator"], caseRef: fields["case"],
                    reasons: fields["reasons"]), caller: caller)
                return .redirect(to: "/assessment/appeals/\(id)", type: .normal)
            } catch DomainError.validation(let errors) {
                var values: [String: String] = [:]
                for name in ["unit", "period", "indicator", "case", "reasons"] { values[name] = fields[name] }
                return try await listPage(state: nil, values: values, errors: errors, status: .unprocessableContent,
                                          caller: caller, context: context)
            }
        }
        routes.get("/assessment/appeals/{id}") { _, context in
            let caller = try context.caller()
            return try await detailPage(id: try Self.id(context), fields: nil, errors: [], status: .ok, caller: caller,
                                        context: context)
        }
        routes.post("/assessment/appeals/{id}/decide") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let fields = try await request.formFields(context: context)
            do {
                try await appeals.decide(id: id, decision: fields["decision"], note: fields["note"], caller: caller)
                return .redirect(to: "/assessment/appeals/\(id)", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await detailPage(id: id, fields: fields, errors: errors, status: .unprocessableContent,
                                            caller: caller, context: context)
            }
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该申诉") }
        return id
    }

    private func listPage(state: AppealState?, values: [String: String], errors: [FieldError], status: HTTPResponse.Status,
                          caller: Caller, context: AppRequestContext) async throws -> Response
    {
        let appeals = ScoreAppeals(platform: platform, recompute: recompute)
        let list = try await appeals.list(state: state, caller: caller)
        let own = try await appeals.ownUnits(caller: caller)
        var page = ManualPointsPageContext.errors(errors, fields: ["unit", "period", "indicator", "case", "reasons"])
        page["appeals"] = list.map { appeal -> [String: Any] in
            ["id": appeal.id, "unit": appeal.unit.name, "kind": appeal.unit.unit.kind.chineseName, "period": appeal.period.label,
             "indicator": appeal.indicator.chineseName, "caseNumber": appeal.caseNumber ?? "—", "stateName": appeal.state.chineseName,
             "filedBy": appeal.filedByName, "filedAt": ManualPointsPageContext.minute(appeal.filedAt)]
        }
        page["states"] = [["value": "", "name": "全部", "selected": state == nil]]
            + AppealState.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": $0 == state] }
        page["mayFile"] = !own.isEmpty
        page["units"] = ManualPointsPageContext.units(own, chosen: values["unit"])
        page["periods"] = ManualPointsPageContext.months(now: platform.clock.now(), chosen: values["period"], quarters: true)
        page["indicators"] = ManualPointsPageContext.indicators(try await AssessmentIndicators(platform: platform).catalog().all,
                                                                chosen: values["indicator"])
        page["caseValue"] = values["case"] ?? ""
        page["reasons"] = values["reasons"] ?? ""
        return try views.page("assessment-appeals", page, status: status, session: context.session)
    }

    private func detailPage(id: Int64, fields: FormFields?, errors: [FieldError], status: HTTPResponse.Status,
                            caller: Caller, context: AppRequestContext) async throws -> Response
    {
        let appeal = try await ScoreAppeals(platform: platform, recompute: recompute).view(id: id, caller: caller)
        var page = ManualPointsPageContext.errors(errors, fields: ["decision", "note"])
        page["appeal"] = [
            "unit": appeal.unit.name, "kind": appeal.unit.unit.kind.chineseName, "period": appeal.period.label,
            "indicator": appeal.indicator.chineseName, "caseNumber": appeal.caseNumber as Any, "reasons": appeal.reasons,
            "stateName": appeal.state.chineseName, "filedBy": appeal.filedByName,
            "filedAt": ManualPointsPageContext.minute(appeal.filedAt), "decidedBy": appeal.decidedByName as Any,
            "decidedAt": appeal.decidedAt.map(ManualPointsPageContext.minute(_:)) as Any, "note": appeal.decisionNote as Any,
        ] as [String: Any]
        page["id"] = appeal.id
        page["mayDecide"] = appeal.state == .pending && caller.staff.may(.assess) && appeal.filedBy != caller.staff.accountID
        page["upheldChecked"] = fields?["decision"] == AppealState.upheld.rawValue
        page["rejectedChecked"] = fields?["decision"] == AppealState.rejected.rawValue
        page["noteValue"] = fields?["note"] ?? ""
        return try views.page("assessment-appeal", page, status: status, session: context.session)
    }
}
