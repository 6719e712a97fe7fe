import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 群众安全感、满意度电话调查: the rounds `/surveys` (with the new-round form for assessors), a round's figures
/// `/surveys/{id}` and the operators' call list `/surveys/{id}/calls` with the audited reveal of a number and the
/// call's outcome. Pages only; no JSON twins.
struct SurveyRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let surveys = SatisfactionSurveys(platform: platform)
        routes.get("/surveys") { _, context in
            let caller = try context.caller()
            let rounds = try await surveys.rounds(caller: caller)
            return try views.page("surveys", try await list(rounds, caller: caller, fields: nil, errors: []),
                                  session: context.session)
        }
        routes.post("/surveys") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            let submission = SurveyRoundSubmission(
                title: fields["title"], areaCode: fields["areaCode"], year: fields["year"], period: fields["period"],
                source: fields["source"], perTownship: fields["perTownship"])
            do {
                let round = try await surveys.create(submission, caller: caller)
                return .redirect(to: "/surveys/\(round.id)", type: .normal)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                let rounds = try await surveys.rounds(caller: caller)
                return try views.page("surveys", try await list(rounds, caller: caller, fields: fields, errors: errors),
                                      status: .unprocessableContent, session: context.session)
            }
        }
        routes.get("/surveys/{id}") { _, context in
            let view = try await surveys.round(id: try Self.id(context, "id"), caller: try context.caller())
            return try views.page("survey", SurveyPageContext.round(view), session: context.session)
        }
        routes.get("/surveys/{id}/calls") { _, context in
            let list = try await surveys.calls(roundId: try Self.id(context, "id"), caller: try context.caller())
            return try views.page("survey-calls", SurveyPageContext.calls(list), session: context.session)
        }
        routes.post("/surveys/{id}/calls/{item}/reveal") { _, context in
            let caller = try context.caller()
            let (round, item) = (try Self.id(context, "id"), try Self.id(context, "item"))
            let phone = try await surveys.reveal(roundId: round, itemId: item, caller: caller)
            let list = try await surveys.calls(roundId: round, caller: caller)
            return try views.page("survey-calls", SurveyPageContext.calls(list, revealed: (item, phone)),
                                  session: context.session)
        }
        routes.post("/surveys/{id}/calls/{item}") { request, context in
            let caller = try context.caller()
            let (round, item) = (try Self.id(context, "id"), try Self.id(context, "item"))
            let fields = try await request.formFields(context: context)
            do {
                let outcome = try SurveyCallOutcome.parse(outcome: fields["outcome"], safety: fields["safety"],
                                                          satisfaction: fields["satisfaction"], comment: fields["comment"])
                try await surveys.record(outcome, roundId: round, itemId: item, caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                let list = try await surveys.calls(roundId: round, caller: caller)
                return try views.page("survey-calls", SurveyPageContext.calls(list, errors: errors, fields: fields),
                                      status: .unprocessableContent, session: context.session)
            }
            return .redirect(to: "/surveys/\(round)/calls", type: .normal)
        }

        @Sendable func list(_ rounds: [SurveyRoundSummary], caller: Caller, fields: FormFields?, errors: [FieldError])
            async throws -> [String: Any]
        {
            guard caller.staff.may(.assess) else { return SurveyPageContext.list(rounds, form: nil) }
            // The areas a round may cover: the jurisdiction's county or township and the townships under a county.
            let atlas = try await platform.areaAtlas()
            var areas: [(code: String, name: String)] = []
            func walk(_ code: String, depth: Int) {
                guard let node = atlas.node(code), node.level <= .township else { return }
                if node.level >= .county { areas.append((node.code, String(repeating: "　", count: depth) + node.name)) }
                for child in atlas.children(of: code).sorted(by: { $0.code < $1.code }) {
                    walk(child.code, depth: node.level >= .county ? depth + 1 : depth)
                }
            }
            walk(caller.staff.jurisdiction.root.rawValue, depth: 0)
            let now = SurveyPeriod.numbered(containing: platform.clock.now())
            return SurveyPageContext.list(rounds, form: SurveyPageContext.Form(
                fields: fields, errors: errors, areas: areas, year: now.year, period: now.number))
        }
    }

    /// A numeric path parameter; anything else is "not found".
    static func id(_ context: AppRequestContext, _ name: String) throws -> Int64 {
        guard let value = Int64(try context.parameters.require(name)) else { throw DomainError.notFound(what: "该调查") }
        return value
    }
}
