import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The grid worker app's JSON endpoints under `/app/api`, for the signed-in session (cookie, and the
/// `X-CSRF-Token` header on every POST; API tokens are refused: the app is for people in the field).
/// Every POST takes an `Idempotency-Key` (the phone's outbox sends a UUID made on the device) and answers a
/// retry with the first answer.
struct GridAppAPIRoutes {
    let platform: Platform

    /// The `X-CSRF-Token` the app sends, and who it is.
    struct Me: Encodable {
        var profile: FieldProfile
        var csrfToken: String
    }

    struct Verification: Decodable {
        var pass: Bool?
        var reason: String?
    }

    struct Track: Decodable {
        var points: [TrackPoint]?
    }

    func add(to routes: inout RouteTable) {
        let work = FieldWork(platform: platform)
        let reports = GridReports(platform: platform)
        let registry = ResidentRegistry(platform: platform)
        routes.get("/app/api/me") { _, context in
            let caller = try Self.person(context)
            return try JSONResponse.encode(Me(profile: try await work.profile(caller: caller),
                                              csrfToken: context.session?.csrfToken ?? ""))
        }
        routes.get("/app/api/tasks") { _, context in
            try JSONResponse.encode(["tasks": try await work.tasks(caller: try Self.person(context))])
        }
        routes.post("/app/api/tasks/{number}/verify") { request, context in
            let caller = try Self.person(context)
            let number = try context.parameters.require("number")
            let body = try await request.decodeJSON(as: Verification.self, context: context)
            let view = try await work.verify(caseNumber: number, pass: body.pass, reason: body.reason,
                                             idempotencyKey: Self.key(request), caller: caller)
            return try CaseRoutes.answer(view)
        }
        routes.post("/app/api/reports") { request, context in
            let caller = try Self.person(context)
            var request = request
            let body = try await request.collectBody(upTo: DeskRoutes.maximumBodyBytes)
            let (submission, photos) = try GridReportRoutes.read(body, contentType: request.headers[.contentType])
            let view = try await reports.submit(submission, photos: photos, idempotencyKey: Self.key(request), caller: caller)
            return try CaseRoutes.answer(view, status: .created)
        }
        routes.get("/app/api/visits") { _, context in
            try JSONResponse.encode(["visits": try await work.visits(caller: try Self.person(context))])
        }
        routes.post("/app/api/visits") { request, context in
            let caller = try Self.person(context)
            let submission = try await request.decodeJSON(as: VisitSubmission.self, context: context)
            return try JSONResponse.encode(
                try await work.recordVisit(submission, idempotencyKey: Self.key(request), caller: caller), status: .created)
        }
        routes.get("/app/api/patrols") { _, context in
            try JSONResponse.encode(["patrols": try await work.patrols(caller: try Self.person(context))])
        }
        routes.post("/app/api/patrols") { request, context in
            let caller = try Self.person(context)
            let start = try await request.decodeJSON(as: PatrolStart.self, context: context)
            return try JSONResponse.encode(
                try await work.startPatrol(start, idempotencyKey: Self.key(request), caller: caller), status: .created)
        }
        routes.post("/app/api/patrols/{ref}/points") { request, context in
            let caller = try Self.person(context)
            let ref = try context.parameters.require("ref")
            let track = try await request.decodeJSON(as: Track.self, context: context)
            return try JSONResponse.encode(
                try await work.track(ref: ref, points: track.points ?? [], idempotencyKey: Self.key(request), caller: caller))
        }
        routes.post("/app/api/patrols/{ref}/stop") { request, context in
            let caller = try Self.person(context)
            let ref = try context.parameters.require("ref")
            let stop = try await request.decodeJSON(as: PatrolStop.self, context: context)
            return try JSONResponse.encode(
                try await work.stopPatrol(ref: ref, stop, idempotencyKey: Self.key(request), caller: caller))
        }
        routes.get("/app/api/people") { request, context in
            let caller = try Self.person(context)
            try FieldWorkAccess.require(caller)
            let term = request.uri.queryParameters["q"].map(String.init) ?? ""
            guard !term.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DomainError.validation([.required("q", label: "姓名或地址")])
            }
            return try JSONResponse.encode(["people": try await registry.search(term, limit: 20, caller: caller)])
        }
        routes.post("/app/api/people/{id}") { request, context in
            let caller = try Self.person(context)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该人员") }
            let update = try await request.decodeJSON(as: PersonQuickUpdate.self, context: context)
            return try JSONResponse.encode(
                try await work.updatePerson(id: id, update, idempotencyKey: Self.key(request), caller: caller))
        }
    }

    static func key(_ request: Request) -> String? { CaseCommandInput.idempotencyKey(request.headers) }

    /// The signed-in person (never an API token: 403 for those).
    static func person(_ context: AppRequestContext) throws -> Caller {
        if context.authenticatedByToken { throw DomainError.forbidden(permission: .handleCases) }
        return try context.caller()
    }
}
