import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The system administrator's view of the notification outbox (`/admin/outbox`): pending, failed and
/// skipped rows with their last error, and a retry button (CSRF form, audited).
struct OutboxRoutes {
    let platform: Platform
    let views: Views

    static let tabs: [(view: String, name: String)] = [
        ("problems", "待处理"), ("pending", "待发送"), ("failed", "失败"), ("skipped", "已跳过"), ("sent", "已送达"),
    ]

    func add(to routes: inout RouteTable) {
        let outbox = OutboxAdministration(platform: platform)
        routes.get("/admin/outbox") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let view = query["state"] ?? "problems"
            let page = try await outbox.page(view: view, cursor: query["before"], caller: caller)
            var response = try views.page("outbox", [
                "tabs": Self.tabs.map { ["view": $0.view, "name": $0.name, "current": $0.view == view] },
                "items": page.items.map(Self.row), "state": view,
                "next": page.next.map { "/admin/outbox?state=\(view)&before=\($0)" } as Any,
                "first": query["before"] == nil ? nil : "/admin/outbox?state=\(view)" as Any,
            ], session: context.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.post("/admin/outbox/{id}/retry") { _, context in
            let caller = try context.caller()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该通知") }
            try await outbox.retry(id: id, caller: caller)
            return .redirect(to: "/admin/outbox", type: .normal)
        }
    }

    static let stateNames = ["pending": "待发送", "sent": "已送达", "failed": "失败", "skipped": "已跳过"]

    static func row(_ item: OutboxItem) -> [String: Any] {
        [
            "id": item.id, "channel": item.channelName, "recipient": item.recipient, "title": item.title,
            "state": stateNames[item.state] ?? item.state, "failed": item.state == "failed" || item.state == "skipped",
            "attempts": item.attempts, "lastError": item.lastError as Any,
            "createdAt": TokenRoutes.time(item.createdAt),
            "nextAttemptAt": item.nextAttemptAt.map(TokenRoutes.time) as Any,
            "finishedAt": item.finishedAt.map(TokenRoutes.time) as Any, "retryable": item.retryable,
        ]
    }
}
