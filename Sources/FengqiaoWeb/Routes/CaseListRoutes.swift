import FengqiaoDomain
import FengqiaoServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/cases`: the case list in Chinese (the worklist tabs, filters, sorting, keyset paging) and its XLSX export
/// (the 待办 home `/todo` is in `TodoRoutes`).
struct CaseListRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let worklists = CaseWorklists(platform: platform)
        // A bad filter answers 422 with the page itself: the messages above the form, what was typed kept.
        routes.get("/cases") { request, requestContext in
            let caller = try requestContext.caller()
            let query = FormFields(request.uri.query ?? "")
            let text = { (name: String) in query[name] }
            let filter = CaseListQuery.filter(text)
            var list = CaseWorklist.all
            var page: CaseWorklistPage?
            var errors: [FieldError] = []
            do {
                list = try CaseWorklist.named(text("list"))
                page = try await worklists.page(list, filter: filter, cursor: text("cursor"), limit: 50, caller: caller)
            } catch DomainError.validation(let problems) {
                errors = problems
            }
            let current = CaseListQuery.string(text)
            let next = page?.next.map { "/cases?" + CaseListQuery.string(text, replacing: ["cursor": $0]) }
            let staff = caller.staff
            var context = CaseListPage.context(
                list: list, filter: filter, cases: page?.cases ?? [], atlas: try await platform.areaAtlas(),
                next: next, first: text("cursor").map { _ in "/cases" + (current.isEmpty ? "" : "?" + current) },
                export: staff.may(.exportData) && errors.isEmpty ? "/cases/export.xlsx" + (current.isEmpty ? "" : "?" + current) : nil,
                tabs: CaseWorklist.allCases.filter { $0 != .department || staff.departmentID != nil }.map { tab in
                    ["name": tab.chineseName, "href": "/cases?" + CaseListQuery.string(text, replacing: ["list": tab.rawValue, "cursor": nil]),
                     "current": tab == list]
                })
            let departments = try await worklists.departments(caller: caller)
            context["departments"] = departments.map {
                ["value": String($0.id), "name": $0.name, "selected": String($0.id) == filter.department] as [String: Any]
            }
            context["leads"] = departments.map {
                ["value": String($0.id), "name": $0.name, "selected": String($0.id) == filter.lead] as [String: Any]
            }
            context["errors"] = errors.map { ["field": $0.field, "message": $0.message] }
            var response = try views.page(
                "cases", context, status: errors.isEmpty ? .ok : .unprocessableContent, session: requestContext.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.get("/cases/export.xlsx") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let list = try CaseWorklist.named(query["list"])
            let export = try await CaseListExport(platform: platform).xlsx(
                list, filter: CaseListQuery.filter { query[$0] }, caller: caller)
            let day = ChinaTime.dayString(platform.clock.now())
            var headers: HTTPFields = [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"cases-\(day).xlsx\"",
                .cacheControl: "no-store",
            ]
            if let rows = HTTPField.Name("X-Export-Rows"), let cut = HTTPField.Name("X-Export-Truncated") {
                headers[rows] = String(export.rows)
                headers[cut] = export.cut ? "true" : "false"
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: export.data)))
        }
    }
}
