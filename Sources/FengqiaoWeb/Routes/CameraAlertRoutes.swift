import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// AI-camera alerts: `POST /api/v1/camera-alerts` for algorithm platforms (token scope `alerts.write`;
/// 201 for a new alert, 200 for a repeat folded in or an event id sent again), and the operators' queue:
/// the `/alerts` page with confirm and dismiss forms, its JSON twin under `/api/v1/camera-alerts`, and
/// each alert's snapshot.
struct CameraAlertRoutes {
    let platform: Platform
    let views: Views

    /// The largest alert body: the largest snapshot in base64 plus room for the other fields, so that a
    /// snapshot just over the limit gets the field error rather than a bare 413.
    static let maximumBodyBytes = (CameraAlertSubmission.maximumSnapshotBytes + 2) / 3 * 4 + (64 << 10)

    struct DismissBody: Decodable {
        var reason: String?
    }

    func add(to routes: inout RouteTable) {
        let intake = CameraAlertIntake(platform: platform)
        let queue = CameraAlertQueue(platform: platform)
        routes.post("/api/v1/camera-alerts") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.reportCameraAlerts)
            let submission = try await request.decodeJSON(as: CameraAlertSubmission.self, context: context,
                                                          limit: Self.maximumBodyBytes)
            let receipt = try await intake.receive(submission, caller: caller)
            let created = !receipt.replayed && receipt.outcome != .folded
            return try JSONResponse.encode(receipt, status: created ? .created : .ok)
        }
        routes.get("/api/v1/camera-alerts") { request, context in
            let query = FormFields(request.uri.query ?? "")
            return try JSONResponse.encode(
                try await queue.page(view: query["state"], cursor: query["before"], caller: try context.caller()))
        }
        routes.get("/api/v1/camera-alerts/{id}") { _, context in
            let caller = try context.caller()
            return try JSONResponse.encode(try await queue.alert(id: try Self.id(context), caller: caller))
        }
        routes.post("/api/v1/camera-alerts/{id}/confirm") { _, context in
            let caller = try context.caller()
            return try JSONResponse.encode(try await queue.confirm(id: try Self.id(context), caller: caller))
        }
        routes.post("/api/v1/camera-alerts/{id}/dismiss") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let body = try await request.decodeJSON(as: DismissBody.self, context: context)
            return try JSONResponse.encode(try await queue.dismiss(id: id, reason: body.reason, caller: caller))
        }
        routes.get("/alerts") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            return try await page(queue, query: query, caller: caller, context: context)
        }
        routes.post("/alerts/{id}/confirm") { _, context in
            let caller = try context.caller()
            let alert = try await queue.confirm(id: try Self.id(context), caller: caller)
            return .redirect(to: "/alerts?done=\(alert.id)", type: .normal)
        }
        routes.post("/alerts/{id}/dismiss") { request, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let form = try await request.formFields(context: context)
            do {
                _ = try await queue.dismiss(id: id, reason: form["reason"], caller: caller)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await page(queue, query: FormFields(""), caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/alerts?done=\(id)", type: .normal)
        }
        routes.get("/alerts/{id}/snapshot") { _, context in
            let caller = try context.caller()
            let file = try await queue.snapshot(id: try Self.id(context), caller: caller)
            return Response(
                status: .ok,
                headers: [.contentType: file.type.mediaType, .xContentTypeOptions: "nosniff", .cacheControl: "private, no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该预警") }
        return id
    }

    static let tabs: [(view: String, name: String)] = [("queued", "待确认"), ("decided", "已处理"), ("all", "全部")]

    private func page(
        _ queue: CameraAlertQueue, query: FormFields, caller: Caller, context: AppRequestContext, errors: [FieldError] = []
    ) async throws -> Response {
        let view = query["state"] ?? "queued"
        let page = try await queue.page(view: view, cursor: query["before"], caller: caller)
        var response = try views.page("alerts", [
            "tabs": Self.tabs.map { ["view": $0.view, "name": $0.name, "current": $0.view == view] },
            "items": page.items.map(Self.row),
            "done": query["done"] as Any,
            "errors": errors.map { ["message": $0.message] },
            "next": page.next.map { "/alerts?state=\(view)&before=\($0)" } as Any,
            "first": (query["before"] == nil ? nil : "/alerts?state=\(view)") as Any,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func row(_ alert: CameraAlertView) -> [String: Any] {
        [
            "id": alert.id, "type": alert.eventTypeName, "camera": alert.cameraName, "cameraCode": alert.cameraCode,
            "grid": alert.gridName ?? alert.gridCode, "confidence": "\(Int((alert.confidence * 100).rounded()))%",
            "count": alert.eventCount, "firstSeenAt": TokenRoutes.time(alert.firstSeenAt),
            "lastSeenAt": TokenRoutes.time(alert.lastSeenAt), "repeated": alert.eventCount > 1,
            "description": alert.description as Any, "snapshot": alert.hasSnapshot, "state": alert.stateName,
            "queued": alert.state == CameraAlertState.queued.rawValue, "caseNumber": alert.caseNumber as Any,
            "dismissReason": alert.dismissReason as Any,
        ]
    }
}
