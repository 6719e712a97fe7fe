import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Work reports (工作报告: 日报、周报、月报、专报): the list `/reports`, the form `/reports/new` and `POST /reports`
/// that makes one, each report's page `/reports/{number}`, its PDF and XLSX downloads (audited), and JSON twins
/// under `/api/v1/work-reports` (`/api/v1/reports` is the public intake's).
struct WorkReportRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let reports = Reports(platform: platform)
        routes.get("/reports") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let page = try await reports.list(kind: query["kind"], before: query["before"], caller: caller)
            return try views.page("work-reports", ReportPageContext.list(page, kind: query["kind"]), session: context.session)
        }
        routes.get("/api/v1/work-reports") { request, context in
            let query = FormFields(request.uri.query ?? "")
            return try JSONResponse.encode(try await reports.list(kind: query["kind"], before: query["before"],
                                                                  caller: try context.caller()))
        }
        routes.get("/reports/new") { _, context in
            let caller = try context.caller()
            guard Reports.mayGenerate(caller.staff) else { throw DomainError.forbidden(permission: .superviseCases) }
            return try await form(nil, errors: [], caller: caller, context: context, status: .ok)
        }
        routes.post("/reports") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            let input = ReportRequest(kind: fields["kind"], area: fields["area"], from: fields["from"], to: fields["to"],
                                      category: fields["category"])
            do {
                let report = try await reports.generate(input, caller: caller)
                return .redirect(to: "/reports/\(report.number)", type: .normal)
            } catch DomainError.validation(let errors) where ProblemMiddleware.wantsHTML(request) {
                return try await form(fields, errors: errors, caller: caller, context: context, status: .unprocessableContent)
            }
        }
        routes.get("/reports/{number}.pdf") { _, context in
            let number = try context.parameters.require("number")
            let report = try await reports.download(number, format: "pdf", caller: try context.caller())
            return try await views.document("work-report", ReportPageContext.report(report),
                                            fileName: "\(report.title).pdf", printer: platform.printer)
        }
        routes.get("/reports/{number}.xlsx") { _, context in
            let number = try context.parameters.require("number")
            let (report, data) = try await reports.workbook(number, caller: try context.caller())
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: ContentDisposition.attachment(filename: "\(report.title).xlsx"),
                    .xContentTypeOptions: "nosniff", .cacheControl: "private, no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        routes.get("/reports/{number}") { _, context in
            let report = try await reports.view(try context.parameters.require("number"), caller: try context.caller())
            return try views.page("work-report", ReportPageContext.report(report), session: context.session)
        }
        routes.get("/api/v1/work-reports/{number}") { _, context in
            try JSONResponse.encode(try await reports.view(try context.parameters.require("number"), caller: try context.caller()))
        }

        @Sendable func form(_ fields: FormFields?, errors: [FieldError], caller: Caller, context: AppRequestContext,
                            status: HTTPResponse.Status) async throws -> Response {
            let names = try await CaseCategories(platform: platform).names()
            let categories = names.sorted { $0.key < $1.key }.map { (code: $0.key, name: "\($0.value)(\($0.key))") }
            let yesterday = ChinaTime.dayString(platform.clock.now().addingTimeInterval(-86_400))
            // The areas a report may cover: the jurisdiction and the areas under it down to villages, indented.
            let atlas = try await platform.areaAtlas()
            var areas: [(code: String, name: String)] = []
            func walk(_ code: String, depth: Int) {
                guard areas.count < 500, let node = atlas.node(code), node.level < .grid else { return }
                areas.append((node.code, String(repeating: "　", count: depth) + node.name))
                for child in atlas.children(of: code).sorted(by: { $0.code < $1.code }) { walk(child.code, depth: depth + 1) }
            }
            walk(caller.staff.jurisdiction.root.rawValue, depth: 0)
            return try views.page(
                "work-report-new",
                ReportPageContext.form(fields, errors: errors, defaultArea: caller.staff.jurisdiction.root.rawValue,
                                       yesterday: yesterday, categories: categories, areas: areas),
                status: status, session: context.session)
        }
    }
}
