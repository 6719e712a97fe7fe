import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 公开联系方式: the page where whoever staffs a grid sets the work phone each post holder shows on the grid's
/// public card on the residents' portal (`/portal/grid`); blank keeps the holder's phone off the card.
struct GridCardPhoneRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let phones = GridCardPhones(platform: platform)
        routes.get("/areas/{code}/public-card") { _, context in
            let caller = try context.caller()
            let code = try context.parameters.require("code")
            return try await page(code: code, errors: [], status: .ok, caller: caller, context: context)
        }
        routes.post("/areas/{code}/public-card") { request, context in
            let caller = try context.caller()
            let code = try context.parameters.require("code")
            let fields = try await request.formFields(context: context)
            do {
                try await phones.set(gridCode: code, post: fields["post"], accountID: fields["accountId"].flatMap { Int64($0) },
                                     phone: fields["phone"], caller: caller)
                return .redirect(to: "/areas/\(code)/public-card", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await page(code: code, errors: errors, status: .unprocessableContent, caller: caller,
                                      context: context)
            }
        }

        @Sendable func page(code: String, errors: [FieldError], status: HTTPResponse.Status, caller: Caller,
                            context: AppRequestContext) async throws -> Response {
            let (grid, holders) = try await phones.holders(gridCode: code, caller: caller)
            return try views.page("grid-public-card", [
                "code": grid.code, "name": grid.name,
                "holders": holders.map { holder in
                    ["post": holder.post.chineseName, "postCode": holder.post.rawValue, "accountId": holder.accountID,
                     "name": holder.name, "phone": holder.publicPhone ?? ""] as [String: Any]
                },
                "errors": errors.map { ["message": $0.message] },
            ], status: status, session: context.session)
        }
    }
}
