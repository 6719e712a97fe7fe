import FengqiaoDomain

extension AccessOracle {
    /// 考核 (assessment): whoever may view scores (viewAssessment) or score them (assess) reads the rankings, 月通报 and
    /// 季排名 of their jurisdiction; assessors score periods and edit the templates. A unit's page and its drill-down
    /// answer only for a scored period, which the access world does not have: AssessmentRoutesTests covers their
    /// roles and scoping (outside → 404) on a scored one.
    static let assessmentEntries: [String: Entry] = {
        let viewers = Rule.needsAny([.viewAssessment, .assess])
        let template = "name=网格员月度考核&awardCap=5&include_patrol_coverage=1&weight_patrol_coverage=50"
            + "&target_patrol_coverage=90&floor_patrol_coverage=30&include_household_visits=1&weight_household_visits=50"
            + "&target_household_visits=60&floor_household_visits=0"
        let indicator = "name=信息报送采用率&unitKind=township&source=reported&shape=rate&direction=higher"
            + "&explanation=被市级以上采用的信息数除以报送的信息数"
        return [
            "GET /assessment": Entry(rule: viewers),
            "POST /assessment/compute": needs(.assess, body: .form("period=2026-10&kind=grid_worker")),
            "GET /assessment/units/{unit}": exempt,
            "GET /assessment/units/{unit}/indicators/{indicator}": exempt,
            "GET /assessment/bulletins/{month}": Entry(rule: viewers),
            "GET /assessment/bulletins/{month}.pdf": Entry(rule: viewers),
            "GET /assessment/rankings/{quarter}": Entry(rule: viewers),
            "GET /assessment/rankings/{quarter}.xlsx": Entry(rule: viewers),
            "GET /admin/assessment-templates": needs(.assess),
            "GET /admin/assessment-templates/{unitKind}/{periodKind}": needs(.assess),
            "POST /admin/assessment-templates/{unitKind}/{periodKind}": needs(.assess, body: .form(template)),
            "GET /admin/assessment-indicators": needs(.assess),
            "POST /admin/assessment-indicators": needs(.assess, body: .form(indicator)),
            // The access world defines no indicator: the retire and the sheet answer 404 for assessors there;
            // AssessmentIndicatorRoutesTests covers them on a defined one.
            "POST /admin/assessment-indicators/{key}/retire": exempt,
            "GET /assessment/reported/{key}": exempt,
            "POST /assessment/reported/{key}": exempt,
        ]
    }()
}
