import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The mediation cases' JSON API under `/api/v1/mediation/cases`, mirroring the pages: list, open
/// (directly, from a case, or sent in by a partner), read, suggestions, assign, withdraw, parties, sessions
/// and referrals; and 转调解 from a case at `/api/v1/cases/{number}/mediation`. The service decides who may.
struct MediationCaseRoutes {
    let platform: Platform

    struct CaseList: Encodable { var mediations: [MediationCaseListItem] }
    /// A page of the list: `next` is the opaque cursor of the following page, null on the last.
    struct CasePage: Encodable {
        var mediations: [MediationCaseListItem]
        var next: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mediations, forKey: .mediations)
            try container.encode(next, forKey: .next)
        }

        enum CodingKeys: String, CodingKey { case mediations, next }
    }
    struct SuggestionList: Encodable { var suggestions: [MediatorSuggestion] }
    struct Assignment: Decodable { var mediatorId: Int64? }
    struct Withdrawal: Decodable { var reason: String? }

    func add(to routes: inout RouteTable) {
        let mediations = MediationCases(platform: platform)
        routes.get("/api/v1/mediation/cases") { request, context in
            let query = request.uri.queryParameters
            let after = try OpaqueCursor.unwrap(query["cursor"].map(String.init)).map { position throws(DomainError) in
                guard let id = Int64(position), id > 0 else { throw OpaqueCursor.invalid }
                return id
            }
            let limitText = query["limit"].map(String.init) ?? ""
            let page = try await mediations.page(
                state: query["state"].map(String.init), afterId: after, limit: limitText.isEmpty ? 50 : Int(limitText) ?? 0,
                caller: try context.caller())
            return try JSONResponse.encode(CasePage(mediations: page.mediations, next: OpaqueCursor.wrap(page.nextId.map(String.init))))
        }
        routes.post("/api/v1/mediation/cases") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let submission = try await request.decodeJSON(as: MediationOpeningSubmission.self, context: context)
            return try JSONResponse.encode(try await mediations.open(submission, caller: caller), status: .created)
        }
        routes.post("/api/v1/cases/{number}/mediation") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            var submission = try await request.decodeJSON(as: MediationOpeningSubmission.self, context: context)
            submission.caseNumber = try context.parameters.require("number")
            return try JSONResponse.encode(try await mediations.open(submission, caller: caller), status: .created)
        }
        routes.get("/api/v1/cases/{number}/mediations") { _, context in
            let number = try context.parameters.require("number")
            return try JSONResponse.encode(CaseList(mediations: try await mediations.mediations(ofCase: number, caller: try context.caller())))
        }
        routes.get("/api/v1/mediation/cases/{number}") { _, context in
            let number = try context.parameters.require("number")
            return try JSONResponse.encode(try await mediations.view(number: number, caller: try context.caller()))
        }
        routes.get("/api/v1/mediation/cases/{number}/suggestions") { request, context in
            let number = try context.parameters.require("number")
            let language = request.uri.queryParameters["language"].map(String.init)
            return try JSONResponse.encode(SuggestionList(
                suggestions: try await mediations.suggestions(number: number, language: language, caller: try context.caller())))
        }
        routes.post("/api/v1/mediation/cases/{number}/mediator") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let number = try context.parameters.require("number")
            let body = try await request.decodeJSON(as: Assignment.self, context: context)
            return try JSONResponse.encode(try await mediations.assign(number: number, mediatorId: body.mediatorId, caller: caller))
        }
        routes.post("/api/v1/mediation/cases/{number}/withdraw") { request, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            let body = try await request.decodeJSON(as: Withdrawal.self, context: context)
            return try JSONResponse.encode(try await mediations.withdraw(number: number, reason: body.reason, caller: caller))
        }
        routes.post("/api/v1/mediation/cases/{number}/parties") { request, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: MediationPartySubmission.self, context: context)
            return try JSONResponse.encode(try await mediations.addParty(number: number, submission, caller: caller),
                                           status: .created)
        }
        routes.post("/api/v1/mediation/cases/{number}/sessions") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: MediationSessionSubmission.self, context: context)
            return try JSONResponse.encode(try await mediations.addSession(number: number, submission, caller: caller),
                                           status: .created)
        }
        routes.post("/api/v1/mediation/cases/{number}/sessions/{session}/outcome") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            guard let session = Int(try context.parameters.require("session")) else { throw DomainError.notFound(what: "该调解会") }
            let submission = try await request.decodeJSON(as: MediationSessionSubmission.self, context: context)
            return try JSONResponse.encode(try await mediations.recordSessionOutcome(
                number: number, sessionNumber: session, submission, caller: caller))
        }
        routes.post("/api/v1/mediation/cases/{number}/referrals") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            let submission = try await request.decodeJSON(as: MediationReferralSubmission.self, context: context)
            return try JSONResponse.encode(try await mediations.refer(number: number, submission, caller: caller), status: .created)
        }
        routes.post("/api/v1/mediation/cases/{number}/referrals/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.mediate)
            let number = try context.parameters.require("number")
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该联动记录") }
            let update = try await request.decodeJSON(as: MediationReferralUpdate.self, context: context)
            return try JSONResponse.encode(try await mediations.updateReferral(number: number, referralId: id, update, caller: caller))
        }
    }
}
