import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The pages for webhook subscribers (`/admin/webhooks`): list, make (the secret is shown once, on the answer
/// to the form), disable, and each subscription's delivery log with a manual retry. Whoever may not manage
/// notifications gets 403; a subscription outside the jurisdiction is 404. The services decide.
struct WebhookRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let subscriptions = WebhookSubscriptions(platform: platform)
        routes.get("/admin/webhooks") { _, context in
            let caller = try context.caller()
            return try await page(subscriptions, caller: caller, context: context)
        }
        routes.post("/admin/webhooks") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            let chosen = WebhookEventTypes.all.filter { form["event.\($0)"] != nil }
            let name = form["name"] ?? "", url = form["url"] ?? "", area = form["area"] ?? ""
            let issued: WebhookSubscriptions.Issued
            do {
                issued = try await subscriptions.create(name: name, url: url, events: chosen, area: area, by: .staff(caller))
            } catch DomainError.validation(let errors) {
                return try await page(subscriptions, caller: caller, context: context, status: .unprocessableContent,
                                      form: ["name": name, "url": url, "area": area, "chosen": chosen, "errors": errors])
            }
            var response = try views.page("webhook-created", [
                "id": issued.id, "name": issued.name, "secret": issued.secret,
            ], session: context.session)
            // The only time the secret is shown: keep it out of every cache.
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.post("/admin/webhooks/{id}/disable") { _, context in
            let caller = try context.caller()
            try await subscriptions.disable(id: try Self.id(context, "id"), by: .staff(caller))
            return .redirect(to: "/admin/webhooks", type: .normal)
        }
        routes.get("/admin/webhooks/{id}") { _, context in
            let caller = try context.caller()
            let id = try Self.id(context, "id")
            let log = try await subscriptions.log(id: id, by: .staff(caller))
            var values = Self.row(log.subscription)
            values["subscription"] = id
            values["deliveries"] = log.deliveries.map { delivery -> [String: Any] in
                [
                    "id": delivery.id, "event": WebhookEventTypes.name(delivery.event), "caseNumber": delivery.caseNumber,
                    "state": Self.stateName(delivery.state), "attempts": delivery.attempts,
                    "nextAttemptAt": delivery.nextAttemptAt.map(Self.time) ?? "",
                    "lastError": delivery.lastError as Any, "retriable": delivery.retriable, "subscription": id,
                ]
            }
            values["attempts"] = log.attempts.map { attempt -> [String: Any] in
                [
                    "at": Self.time(attempt.at), "delivery": attempt.deliveryId,
                    "status": attempt.statusCode.map(String.init) ?? "无应答", "duration": attempt.durationMs,
                    "error": attempt.error as Any,
                ]
            }
            return try views.page("webhook", values, session: context.session)
        }
        routes.post("/admin/webhooks/{id}/deliveries/{delivery}/retry") { _, context in
            let caller = try context.caller()
            let id = try Self.id(context, "id")
            try await subscriptions.retry(id: id, delivery: try Self.id(context, "delivery"), by: .staff(caller))
            return .redirect(to: "/admin/webhooks/\(id)", type: .normal)
        }
    }

    static func id(_ context: AppRequestContext, _ name: String) throws -> Int64 {
        guard let id = Int64(try context.parameters.require(name)) else { throw DomainError.notFound(what: "该订阅") }
        return id
    }

    /// `yyyy-MM-dd HH:mm:ss`, Beijing time: retries are seconds apart.
    static func time(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.hour, .minute, .second], from: date)
        return ChinaTime.dayString(date) + String(format: " %02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static func stateName(_ state: String) -> String {
        switch state {
        case "pending": "待发送"
        case "sent": "已送达"
        case "failed": "失败"
        case "skipped": "已跳过"
        default: state
        }
    }

    private func page(
        _ subscriptions: WebhookSubscriptions, caller: Caller, context: AppRequestContext,
        status: HTTPResponse.Status = .ok, form: [String: Any] = [:]
    ) async throws -> Response {
        let list = try await subscriptions.list(by: .staff(caller))
        let chosen = form["chosen"] as? [String] ?? []
        let errors = form["errors"] as? [FieldError] ?? []
        return try views.page("webhooks", [
            "subscriptions": list.map(Self.row),
            "types": WebhookEventTypes.names.map { ["value": $0.type, "name": $0.name, "checked": chosen.contains($0.type)] },
            "name": form["name"] as? String ?? "", "url": form["url"] as? String ?? "",
            "area": form["area"] as? String ?? caller.staff.jurisdiction.root.rawValue,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "nameError": errors.contains { $0.field == "name" }, "urlError": errors.contains { $0.field == "url" },
            "areaError": errors.contains { $0.field == "area" },
        ], status: status, session: context.session)
    }

    static func row(_ subscription: WebhookSubscriptionSummary) -> [String: Any] {
        [
            "id": subscription.id, "name": subscription.name, "url": subscription.url,
            "events": subscription.events.isEmpty ? "全部" : subscription.events.map(WebhookEventTypes.name).joined(separator: "、"),
            "area": subscription.areaName.map { "\($0)(\(subscription.areaCode))" } ?? subscription.areaCode,
            "createdBy": subscription.createdBy, "createdAt": TokenRoutes.time(subscription.createdAt),
            "live": subscription.disabledAt == nil, "disabledAt": subscription.disabledAt.map(TokenRoutes.time) as Any,
        ]
    }
}
