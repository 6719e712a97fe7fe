import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The auditor's page: the audit log, filtered and paged newest first, and its XLSX export. Only
/// the auditor's role may see it; every view and export is itself audited.
struct AuditRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let browser = AuditLogBrowser(platform: platform)
        routes.get("/audit") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let filter = Self.filter(query)
            let page = try await browser.page(filter, before: query["before"], caller: caller)
            let filterQuery = Self.queryString(filter)
            let next = page.next.map { "/audit?" + filterQuery + (filterQuery.isEmpty ? "" : "&") + "before=\($0)" }
            let first = query["before"] == nil ? nil : "/audit" + (filterQuery.isEmpty ? "" : "?" + filterQuery)
            let export = "/audit/export.xlsx" + (filterQuery.isEmpty ? "" : "?" + filterQuery)
            let filterFields: [String: String] = [
                "actor": filter.actor ?? "", "action": filter.action ?? "", "objectType": filter.objectType ?? "",
                "objectId": filter.objectID ?? "", "from": filter.fromDay ?? "", "to": filter.toDay ?? "",
            ]
            var response = try views.page("audit", [
                "filter": filterFields,
                "actions": AuditActionCatalog.actions.map { ["code": $0.code, "name": $0.name] },
                "records": page.records.map(Self.row),
                "next": next as Any, "first": first as Any, "export": export,
            ], session: context.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.get("/audit/export.xlsx") { request, context in
            let caller = try context.caller()
            let export = try await browser.xlsx(Self.filter(FormFields(request.uri.query ?? "")), caller: caller)
            let day = ChinaTime.dayString(platform.clock.now())
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: "attachment; filename=\"audit-log-\(day).xlsx\"",
                    .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: export.data)))
        }
    }

    /// The filters of a GET form (form encoding: `+` is a space).
    static func filter(_ query: FormFields) -> AuditFilter {
        AuditFilter(
            actor: query["actor"], action: query["action"], objectType: query["objectType"], objectID: query["objectId"],
            fromDay: query["from"], toDay: query["to"])
    }

    /// The non-empty filters as a query string, for the next-page and export links.
    static func queryString(_ filter: AuditFilter) -> String {
        var components = URLComponents()
        components.queryItems = [
            ("actor", filter.actor), ("action", filter.action), ("objectType", filter.objectType),
            ("objectId", filter.objectID), ("from", filter.fromDay), ("to", filter.toDay),
        ].compactMap { name, value in
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return URLQueryItem(name: name, value: value)
        }
        // Read back with form decoding, where `+` is a space.
        return (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    static func row(_ entry: AuditLogEntry) -> [String: Any] {
        [
            "id": entry.id, "time": entry.time, "actor": entry.actor, "role": entry.role, "ip": entry.ip,
            "action": entry.action, "actionName": entry.actionName, "objectType": entry.objectType,
            "objectId": entry.objectID, "summary": entry.summary,
        ]
    }
}
