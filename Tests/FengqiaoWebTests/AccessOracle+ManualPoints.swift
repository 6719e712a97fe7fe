import FengqiaoDomain
import Foundation

extension AccessOracle {
    /// Highlight awards, deductions and appeals: whoever sees scores (`viewAssessment`) reads them and asks or appeals
    /// for their own unit (the township, for the world's accounts); assessors (`assess`) decide, record and revoke. The
    /// world's award is requested and its appeal filed by another account, so a withdrawal answers 409 (not the
    /// requester); the first assessor inside approves, revokes and decides, so later decisions answer 409.
    static let assessmentAdjustmentEntries: [String: Entry] = [
        "GET /assessment/awards": needs(.viewAssessment, query: "state=pending"),
        "POST /assessment/awards": needs(.viewAssessment, body: .form(
            "period=2026-11&points=1&title=矩阵亮点&description=矩阵亮点工作的内容说明&evidence=矩阵简报")),
        "GET /assessment/awards/{id}": needs(.viewAssessment, .award),
        "GET /assessment/awards/{id}/files/{file}": needs(.viewAssessment, .award),
        "POST /assessment/awards/{id}/approve": needs(.assess, .award, body: .form("points=1&note=矩阵")),
        "POST /assessment/awards/{id}/refuse": needs(.assess, .award, body: .form("reason=矩阵")),
        "POST /assessment/awards/{id}/withdraw": needs(.viewAssessment, .award, body: .form("")),
        "GET /assessment/deductions": needs(.viewAssessment),
        "POST /assessment/deductions": needs(.assess, .township, body: .form(
            "unit=township:{township}&period=2026-11&points=1&reason=矩阵扣分&documentNumber=矩阵通1号")),
        "POST /assessment/deductions/{id}/revoke": needs(.assess, .deduction, body: .form("reason=矩阵撤销")),
        "GET /assessment/appeals": needs(.viewAssessment, query: "period=2026-11&unit=township:{township}&indicator=overdue"),
        "POST /assessment/appeals": needs(.viewAssessment, body: .form(
            "period=2026-11&indicator=closure_rate&reasons=矩阵申诉的理由写满十个字")),
        "GET /assessment/appeals/{id}": needs(.viewAssessment, .appeal),
        "POST /assessment/appeals/{id}/decide": needs(.assess, .appeal, body: .form("decision=rejected&note=矩阵")),
    ]
}
