import FengqiaoDomain
import FengqiaoServices

/// The signed-in navigation: a few menus grouped by the work people do, each holding only the links the
/// role may open, and left out when it holds none. Labels are catalog keys.
enum Navigation {
    struct Link: Equatable {
        var key: String
        var href: String
    }

    struct Menu: Equatable {
        var key: String
        var links: [Link]
    }

    /// The menus `staff` sees, in order.
    static func menus(for staff: Staff) -> [Menu] {
        let person = !staff.isMachine
        let may = staff.may
        func links(_ candidates: [(String, String, Bool)]) -> [Link] {
            candidates.filter(\.2).map { Link(key: $0.0, href: $0.1) }
        }
        let caseSettings = may(.configureCases), security = may(.grantRoles)
        let menus = [
            Menu(key: "nav.work", links: links([
                ("nav.todo", "/todo", may(.viewCases)),
                ("nav.cases", "/cases", may(.viewCases)),
                ("nav.dashboard", "/dashboard", may(.viewCases)),
                ("nav.warnings", "/warnings", person && RiskWarnings.mayView(staff)),
                ("nav.reports", "/reports", person && Reports.mayView(staff)),
                ("nav.surveys", "/surveys", person && SatisfactionSurveys.mayView(staff)),
                ("nav.desk", "/desk", person && may(.acceptCases)),
                ("nav.hotline", "/hotline", may(.importData) && may(.acceptCases)),
                ("nav.alerts", "/alerts", person && may(.acceptCases)),
                ("nav.notices", "/admin/notices", PublicNotices.mayEdit(staff)),
            ])),
            Menu(key: "nav.mediation", links: links([
                ("nav.mediationCases", "/mediation", (may(.viewCases) && may(.mediate)) || may(.manageMediation)),
                ("nav.petitions", "/petitions", person && may(.receivePetitions)),
                ("nav.figures", "/figures", person && may(.viewCases)
                    && [.mediate, .manageMediation, .receivePetitions, .superviseCases].contains(where: may)),
            ])),
            Menu(key: "nav.assessment", links: links([
                ("nav.assessmentRanking", "/assessment", person && Assessments.mayView(staff)),
                ("nav.assessmentAwards", "/assessment/awards", may(.viewAssessment)),
                ("nav.assessmentDeductions", "/assessment/deductions", may(.viewAssessment)),
                ("nav.assessmentAppeals", "/assessment/appeals", may(.viewAssessment)),
                ("nav.assessmentTemplates", "/admin/assessment-templates", person && may(.assess)),
                ("nav.assessmentIndicators", "/admin/assessment-indicators", person && may(.assess)),
            ])),
            Menu(key: "nav.baseData", links: links([
                ("nav.map", "/areas", may(.viewMap)),
                ("nav.people", "/people", may(.viewBaseData)),
                ("nav.imports", "/imports", may(.importData) && (may(.editBaseData) || may(.editMap))),
            ])),
            Menu(key: "nav.system", links: links([
                ("nav.accounts", "/admin/accounts", may(.manageAccounts) || may(.grantRoles)),
                ("nav.caseCategories", "/admin/case-categories", caseSettings),
                ("nav.calendar", "/admin/calendar", caseSettings),
                ("nav.casePolicy", "/admin/case-policy", caseSettings),
                ("nav.cameras", "/admin/cameras", caseSettings),
                ("nav.alertRules", "/admin/alert-rules", caseSettings),
                ("nav.riskRules", "/admin/risk-rules", caseSettings),
                ("nav.security", "/admin/security", security),
                ("nav.tokens", "/admin/tokens", security),
                ("nav.audit", "/audit", may(.readAuditLog)),
                ("nav.outbox", "/admin/outbox", may(.manageNotifications)),
            ])),
        ]
        return menus.filter { !$0.links.isEmpty }
    }

    /// Whether `path` is the page of `href` or below it (`/cases/2026…` is under 案件; `/` only itself).
    static func isCurrent(_ href: String, path: String) -> Bool {
        path == href || path.hasPrefix(href + "/")
    }

    /// `menus` as template context: labels in `strings`, the menu and link holding `path` marked current.
    static func context(_ menus: [Menu], path: String, strings: [String: String]) -> [[String: Any]] {
        menus.map { menu in
            let links: [[String: Any]] = menu.links.map { link in
                ["href": link.href, "label": strings[link.key] ?? link.key, "current": isCurrent(link.href, path: path)]
            }
            return ["key": menu.key, "label": strings[menu.key] ?? menu.key, "links": links,
                    "current": menu.links.contains { isCurrent($0.href, path: path) }]
        }
    }
}
