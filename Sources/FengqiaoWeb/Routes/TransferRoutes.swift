import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import Foundation
import Hummingbird

/// Imports (CSV/XLSX in, a row-level report out) and exports (XLSX) of base data.
struct TransferRoutes {
    let platform: Platform
    let views: Views

    /// Import files may be larger than ordinary request bodies.
    static let maximumImportBytes = SheetLimits.standard.maxFileBytes

    func add(to routes: inout RouteTable) {
        addImport("/api/v1/imports/people", to: &routes) { data, filename, allOrNothing, caller in
            try await ResidentImport(platform: platform).run(data: data, filename: filename, allOrNothing: allOrNothing,
                                                             caller: caller)
        }
        addImport("/api/v1/imports/organizations", to: &routes) { data, filename, allOrNothing, caller in
            try await OrganizationImport(platform: platform).run(data: data, filename: filename,
                                                                 allOrNothing: allOrNothing, caller: caller)
        }
        routes.get("/imports") { _, context in
            try context.caller().staff.require(.importData)
            return try views.page("imports", [:], session: context.session)
        }
        routes.post("/imports") { request, context in
            let caller = try context.caller()
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw HTTPError(.unsupportedMediaType)
            }
            var request = request
            let form = try MultipartForm(try await request.collectBody(upTo: Self.maximumImportBytes), boundary: boundary)
            guard let file = form["file"], !file.data.isEmpty else {
                throw DomainError.validation([FieldError(field: "file", code: "required", message: "请选择要导入的文件")])
            }
            let filename = file.filename ?? ""
            let allOrNothing = form.text("allOrNothing") == "on"
            let report: ImportReport
            switch form.text("kind") {
            case "organizations":
                report = try await OrganizationImport(platform: platform).run(
                    data: file.data, filename: filename, allOrNothing: allOrNothing, caller: caller)
            case "areas":
                report = try await AreaImport(platform: platform).run(
                    table: file.data, filename: filename, boundaries: form["boundaries"]?.data, caller: caller)
            default:
                report = try await ResidentImport(platform: platform).run(
                    data: file.data, filename: filename, allOrNothing: allOrNothing, caller: caller)
            }
            return try views.page("imports", [
                "report": [
                    "filename": filename, "rows": report.rows, "created": report.created, "updated": report.updated,
                    "unchanged": report.unchanged, "applied": report.applied,
                    "problems": report.problems.map {
                        ["row": $0.row.map(String.init) ?? "—", "column": $0.column ?? "—", "message": $0.message]
                    },
                ] as [String: Any],
            ], status: report.applied ? .ok : .unprocessableContent, session: context.session)
        }
        routes.post("/api/v1/imports/areas") { request, context in
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw HTTPError(.unsupportedMediaType)
            }
            var request = request
            let form = try MultipartForm(try await request.collectBody(upTo: Self.maximumImportBytes), boundary: boundary)
            guard let file = form["file"] else {
                throw DomainError.validation([FieldError(field: "file", code: "required", message: "请上传区域表(file)")])
            }
            let report = try await AreaImport(platform: platform).run(
                table: file.data, filename: file.filename ?? "", boundaries: form["boundaries"]?.data,
                caller: try context.caller())
            return try JSONResponse.encode(report, status: report.applied ? .ok : .unprocessableContent)
        }
        routes.get("/api/v1/exports/{list}") { request, context in
            let area = request.uri.queryParameters["area"].map(String.init)
            let name = try context.parameters.require("list")
            let caller = try context.caller()
            let export: (data: Data, rows: Int)
            if name == "people.xlsx" {
                export = try await ResidentExport(platform: platform).xlsx(areaCode: area, caller: caller)
            } else if name.hasSuffix(".xlsx"), let list = ListExport.List(rawValue: String(name.dropLast(5))) {
                export = try await ListExport(platform: platform).xlsx(list, areaCode: area, caller: caller)
            } else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: "attachment; filename=\"\(name.dropLast(5))-\(area ?? "all").xlsx\"",
                    .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: export.data)))
        }
    }

    /// An import endpoint: the file is the body, `?filename=` names it, `?allOrNothing=false` writes the
    /// valid rows of a file that has bad ones. Answers the report: 200 when applied, 422 when refused.
    private func addImport(
        _ path: RouterPath, to routes: inout RouteTable,
        _ run: @escaping @Sendable (Data, String, Bool, Caller) async throws -> ImportReport
    ) {
        routes.post(path) { request, context in
            let query = request.uri.queryParameters
            let data = Data(buffer: try await request.body.collect(upTo: Self.maximumImportBytes))
            let report = try await run(data, query["filename"].map(String.init) ?? "", query["allOrNothing"] != "false",
                                       try context.caller())
            return try JSONResponse.encode(report, status: report.applied ? .ok : .unprocessableContent)
        }
    }
}
