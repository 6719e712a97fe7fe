import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The system admin's page of case rules (`/admin/case-policy`, `configureCases`): attempts and
/// deadlines per mediation tier, automatic escalation, check-in times of 吹哨报到, the return window and
/// reopens. Saving is audited (`case_policy.update`).
struct CasePolicyRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let store = CasePolicyStore(platform: platform)
        routes.get("/admin/case-policy") { request, context in
            let policy = try await store.current(caller: try context.caller())
            return try page(CasePolicySubmission(policy), errors: [],
                            saved: request.uri.queryParameters["saved"] != nil, status: .ok, context: context)
        }
        routes.post("/admin/case-policy") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let form = try await request.formFields(context: context)
            let submission = Self.submission(form)
            do {
                try await store.save(submission, by: caller)
                return .redirect(to: "/admin/case-policy?saved=1", type: .normal)
            } catch DomainError.validation(let errors) {
                return try page(submission, errors: errors, saved: false, status: .unprocessableContent, context: context)
            }
        }
    }

    /// The submission from the form's fields (`attemptLimits.grid`, `tierLimits.grid.amount`,
    /// `tierLimits.grid.unit`, `urgentCheckIn.amount` …; checkboxes are present when ticked).
    static func submission(_ form: FormFields) -> CasePolicySubmission {
        func limit(_ name: String) -> CasePolicySubmission.Limit {
            .init(amount: form["\(name).amount"], unit: form["\(name).unit"])
        }
        var submission = CasePolicySubmission(
            escalatesWhenAttemptsExhausted: form["escalatesWhenAttemptsExhausted"] != nil,
            escalatesWhenTierOverdue: form["escalatesWhenTierOverdue"] != nil,
            urgentCheckIn: limit("urgentCheckIn"), normalCheckIn: limit("normalCheckIn"),
            returnWindow: limit("returnWindow"), reopenLimit: form["reopenLimit"])
        for tier in MediationTier.allCases {
            submission.attemptLimits[tier] = form["attemptLimits.\(tier.rawValue)"]
            submission.tierLimits[tier] = limit("tierLimits.\(tier.rawValue)")
        }
        return submission
    }

    private func page(
        _ values: CasePolicySubmission, errors: [FieldError], saved: Bool, status: HTTPResponse.Status,
        context: AppRequestContext
    ) throws -> Response {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        func limit(_ field: String, _ label: String, _ value: CasePolicySubmission.Limit, _ units: [ClockLimit.Unit])
            -> [String: Any]
        {
            let message = error(field)
            return [
                "name": field, "label": label, "amount": value.amount ?? "", "error": message as Any,
                "invalid": message != nil,
                "units": units.map { unit in
                    ["value": unit.rawValue, "name": unit.chineseName.replacingOccurrences(of: "个", with: ""),
                     "selected": value.unit == unit.rawValue]
                },
            ]
        }
        let reopenError = error("reopenLimit")
        return try views.page("case-policy", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "attempts": "\(CasePolicy.Ranges.attempts.lowerBound)–\(CasePolicy.Ranges.attempts.upperBound)",
            "tiers": MediationTier.allCases.map { tier -> [String: Any] in
                let attemptsField = "attemptLimits.\(tier.rawValue)"
                let attemptsError = error(attemptsField)
                return [
                    "tier": tier.rawValue, "name": tier.chineseName,
                    "attemptsField": attemptsField, "attempts": values.attemptLimits[tier] ?? "",
                    "attemptsError": attemptsError as Any, "attemptsInvalid": attemptsError != nil,
                    "attemptsMin": CasePolicy.Ranges.attempts.lowerBound,
                    "attemptsMax": CasePolicy.Ranges.attempts.upperBound,
                    "deadline": limit("tierLimits.\(tier.rawValue)", "“\(tier.chineseName)”的调处时限",
                                      values.tierLimits[tier] ?? .init(), CasePolicy.Ranges.tierUnits),
                ]
            },
            "escalatesWhenAttemptsExhausted": values.escalatesWhenAttemptsExhausted,
            "escalatesWhenTierOverdue": values.escalatesWhenTierOverdue,
            "limits": [
                limit("urgentCheckIn", "紧急、特急案件被召集部门的报到时限", values.urgentCheckIn, CasePolicy.Ranges.shortUnits),
                limit("normalCheckIn", "一般案件被召集部门的报到时限", values.normalCheckIn, CasePolicy.Ranges.shortUnits),
                limit("returnWindow", "主办部门可退回派遣的时限", values.returnWindow, CasePolicy.Ranges.shortUnits),
            ],
            "reopenLimit": values.reopenLimit ?? "", "reopenError": reopenError as Any, "reopenInvalid": reopenError != nil,
            "reopenMin": CasePolicy.Ranges.reopens.lowerBound, "reopenMax": CasePolicy.Ranges.reopens.upperBound,
        ], status: status, session: context.session)
    }
}
