import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The petition JSON API (`/api/v1/petitions`), mirroring the pages: list with filters and figures,
/// registration (with `Idempotency-Key`), the petition, each action, the audited reveal and the PDFs.
struct PetitionAPIRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let reception = PetitionReception(platform: platform)
        routes.get("/api/v1/petitions") { request, context in
            var filter = PetitionInput.filter(request)
            filter.cursor = try OpaqueCursor.unwrap(filter.cursor)
            var page = try await reception.list(filter, caller: try context.caller())
            page.next = OpaqueCursor.wrap(page.next)
            return try JSONResponse.encode(page)
        }
        routes.post("/api/v1/petitions") { request, context in
            let caller = try context.caller()
            let submission = try await request.decodeJSON(as: PetitionSubmission.self, context: context)
            let petition = try await reception.register(submission, idempotencyKey: CaseCommandInput.idempotencyKey(request.headers),
                                                        caller: caller)
            return try JSONResponse.encode(petition, status: .created)
        }
        routes.get("/api/v1/petitions/{id}") { _, context in
            try JSONResponse.encode(try await reception.petition(id: try PetitionInput.id(context), caller: try context.caller()))
        }
        routes.post("/api/v1/petitions/{id}/reveal") { _, context in
            var response = try JSONResponse.encode(try await reception.reveal(id: try PetitionInput.id(context),
                                                                               caller: try context.caller()))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.post("/api/v1/petitions/{id}/decision") { request, context in
            let body = try await request.decodeJSON(as: PetitionDecisionSubmission.self, context: context)
            return try JSONResponse.encode(try await reception.decide(id: try PetitionInput.id(context), body,
                                                                      caller: try context.caller()))
        }
        routes.post("/api/v1/petitions/{id}/extension") { request, context in
            let body = try await request.decodeJSON(as: PetitionExtensionSubmission.self, context: context)
            return try JSONResponse.encode(try await reception.requestExtension(id: try PetitionInput.id(context), body,
                                                                                caller: try context.caller()))
        }
        routes.post("/api/v1/petitions/{id}/extension/approve") { _, context in
            try JSONResponse.encode(try await reception.decideExtension(id: try PetitionInput.id(context), approve: true,
                                                                        reason: nil, caller: try context.caller()))
        }
        routes.post("/api/v1/petitions/{id}/extension/deny") { request, context in
            let body = try await request.decodeJSON(as: PetitionExtensionSubmission.self, context: context)
            return try JSONResponse.encode(try await reception.decideExtension(
                id: try PetitionInput.id(context), approve: false, reason: body.reason, caller: try context.caller()))
        }
        routes.post("/api/v1/petitions/{id}/reply") { request, context in
            let body = try await request.decodeJSON(as: PetitionReplySubmission.self, context: context)
            return try JSONResponse.encode(try await reception.reply(id: try PetitionInput.id(context), body,
                                                                     caller: try context.caller()))
        }
        let reviews: [(String, @Sendable (PetitionReception, Int64, PetitionReviewSubmission, Caller) async throws -> PetitionView)] = [
            ("review", { try await $0.requestReview(id: $1, $2, caller: $3) }),
            ("review/opinion", { try await $0.decideReview(id: $1, $2, caller: $3) }),
            ("re-review", { try await $0.requestReReview(id: $1, $2, caller: $3) }),
            ("re-review/opinion", { try await $0.decideReReview(id: $1, $2, caller: $3) }),
        ]
        for (path, action) in reviews {
            routes.post(RouterPath("/api/v1/petitions/{id}/" + path)) { request, context in
                let body = try await request.decodeJSON(as: PetitionReviewSubmission.self, context: context)
                return try JSONResponse.encode(try await action(reception, try PetitionInput.id(context), body,
                                                                try context.caller()))
            }
        }
        routes.get("/api/v1/petitions/{id}/documents/{document}") { _, context in
            let document = try await reception.document(id: try PetitionInput.id(context),
                                                         kind: try PetitionInput.document(context), caller: try context.caller())
            return try await views.document(
                document.kind == .reply ? "petition-reply" : "petition-notice", PetitionRoutes.documentContext(document),
                fileName: document.fileName, printer: platform.printer)
        }
    }
}
