import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 考核排名: `/assessment` (a period's ranking of one kind of unit, `?period=2026-10&kind=township`; the last ended
/// month by default), `POST /assessment/compute` (the assessor scores or re-scores a period), a unit's score
/// `/assessment/units/{unit}?period=…` and the drill-down of one of its indicators
/// `/assessment/units/{unit}/indicators/{indicator}?period=…`. All inside the viewer's jurisdiction.
struct AssessmentRoutes {
    let platform: Platform
    let views: Views
    let assessments: Assessments

    func add(to routes: inout RouteTable) {
        let assessments = self.assessments
        routes.get("/assessment") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let period = try period(query["period"])
            let ranking = try await assessments.ranking(periodKey: period, kind: query["kind"] ?? AssessedUnitKind.township.rawValue,
                                                        caller: caller)
            let values = AssessmentPageContext.ranking(ranking, periods: assessments.recentPeriods(),
                                                       atlas: try await platform.areaAtlas())
            return try views.page("assessment", values, session: context.session)
        }
        routes.post("/assessment/compute") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            let ranking = try await assessments.compute(periodKey: fields["period"] ?? "", kind: fields["kind"] ?? "",
                                                        caller: caller)
            return .redirect(to: "/assessment?period=\(ranking.period.key)&kind=\(ranking.kind.rawValue)", type: .normal)
        }
        routes.get("/assessment/units/{unit}") { request, context in
            let caller = try context.caller()
            let key = try period(FormFields(request.uri.query ?? "")["period"])
            let standing = try await assessments.standing(periodKey: key, unit: try context.parameters.require("unit"),
                                                          caller: caller)
            var values = AssessmentPageContext.unit(standing, period: try Assessments.period(key))
            values["mayAppeal"] = try await mayAppeal(for: standing.unit, caller: caller)
            return try views.page("assessment-unit", values, session: context.session)
        }
        routes.get("/assessment/units/{unit}/indicators/{indicator}") { request, context in
            let caller = try context.caller()
            let key = try period(FormFields(request.uri.query ?? "")["period"])
            let drill = try await assessments.drillDown(
                periodKey: key, unit: try context.parameters.require("unit"),
                indicator: try context.parameters.require("indicator"), caller: caller)
            var values = AssessmentDrillDownContext.context(drill)
            values["mayAppeal"] = try await mayAppeal(for: drill.standing.unit, caller: caller)
            values["mayAssess"] = caller.staff.may(.assess)
            return try views.page("assessment-indicator", values, session: context.session)
        }

        /// The period asked for, else the last ended month.
        @Sendable func period(_ asked: String?) throws -> String {
            if let asked, !asked.isEmpty { return asked }
            guard let last = assessments.lastEndedMonth() else { return "" }
            return last.key
        }
    }

    /// Whether `caller` may appeal the unit's score: its own staff only (the pages link 申诉 for them alone).
    func mayAppeal(for unit: AssessedUnit, caller: Caller) async throws -> Bool {
        guard caller.staff.may(.viewAssessment) else { return false }
        return try await ScoreAppeals(platform: platform, recompute: { _, _ in }).ownUnits(caller: caller)
            .contains { $0.unit == unit }
    }
}
