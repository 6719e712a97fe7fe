import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The signed-in person's in-app inbox: the page (`/inbox`, newest first, keyset paging, unread only
/// on request), marking one or all read with a CSRF form, and `GET /api/v1/inbox` for the mobile app.
struct InboxRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let inbox = Inbox(platform: platform)
        routes.get("/inbox") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let unreadOnly = query["unread"] == "1"
            let page = try await inbox.page(cursor: query["before"], unreadOnly: unreadOnly, caller: caller)
            let filter = unreadOnly ? "unread=1&" : ""
            var response = try views.page("inbox", [
                "messages": page.messages.map(Self.row), "unread": page.unread > 0 ? page.unread : nil, "unreadOnly": unreadOnly,
                "next": page.next.map { "/inbox?\(filter)before=\($0)" } as Any,
                "first": query["before"] == nil ? nil : "/inbox" + (unreadOnly ? "?unread=1" : "") as Any,
            ], session: context.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.post("/inbox/{id}/read") { _, context in
            let caller = try context.caller()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该消息") }
            try await inbox.markRead(id: id, caller: caller)
            return .redirect(to: "/inbox", type: .normal)
        }
        routes.post("/inbox/read-all") { _, context in
            try await inbox.markAllRead(caller: try context.caller())
            return .redirect(to: "/inbox", type: .normal)
        }
        routes.get("/api/v1/inbox") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            let limitText = query["limit"].map(String.init) ?? ""
            let limit = limitText.isEmpty ? 30 : Int(limitText) ?? 0
            let page = try await inbox.page(cursor: query["cursor"].map(String.init), unreadOnly: query["unread"] == "1",
                                            limit: limit, caller: caller)
            return try JSONResponse.encode(page)
        }
    }

    static func row(_ message: InboxItem) -> [String: Any] {
        [
            "id": message.id, "title": message.title, "body": message.body, "task": message.kind == "task",
            "unread": message.readAt == nil, "createdAt": TokenRoutes.time(message.createdAt),
        ]
    }
}
