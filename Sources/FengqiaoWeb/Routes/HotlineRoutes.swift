import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The 12345 hotline desk (`/hotline`, `importData` with `acceptCases`): upload a batch of work orders
/// (CSV, XLSX or JSON), see the last batches and download their error reports, edit the column-mapping
/// profiles and the 诉求类型 table, and export the status of imported work orders for the hotline.
/// Machines post batches to `POST /api/v1/hotline/batches` with a token holding the scopes `import`
/// and `cases.report`.
struct HotlineRoutes {
    let platform: Platform
    let views: Views

    /// A batch file and the multipart envelope around it.
    static let maximumBodyBytes = HotlineImport.maximumBytes + 64 * 1024

    func add(to routes: inout RouteTable) {
        routes.get("/hotline") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            var state = HotlinePage.State()
            state.editing = query["profile"]
            state.saved = query["saved"]
            return try await HotlinePage(platform: platform, views: views).render(state, caller: caller, context: context)
        }
        routes.post("/hotline") { request, context in
            let caller = try context.caller()
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw HTTPError(.unsupportedMediaType)
            }
            var request = request
            let form = try MultipartForm(try await request.collectBody(upTo: Self.maximumBodyBytes), boundary: boundary)
            var state = HotlinePage.State()
            do {
                guard let file = form["file"], !file.data.isEmpty else {
                    throw DomainError.validation([FieldError(field: "file", code: "required", message: "请选择要导入的工单文件")])
                }
                state.report = try await HotlineImport(platform: platform).run(
                    data: file.data, filename: file.filename ?? "", profile: form.text("profile"), caller: caller)
            } catch DomainError.validation(let errors) {
                state.uploadErrors = errors
            }
            let status: HTTPResponse.Status = state.uploadErrors.isEmpty && state.report?.applied != false ? .ok : .unprocessableContent
            return try await HotlinePage(platform: platform, views: views).render(state, caller: caller, status: status,
                                                                                  context: context)
        }
        routes.post("/hotline/profiles") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            var names: [HotlineField: String] = [:]
            for field in HotlineField.allCases { names[field] = form["names.\(field.rawValue)"] ?? "" }
            do {
                let profile = try HotlineColumnMapping.validated(name: form["name"], names: names)
                try await HotlineSettings(platform: platform).save(profile, caller: caller)
                return .redirect(to: "/hotline?saved=profile&profile=\(Self.queryValue(profile.name))#mapping", type: .normal)
            } catch DomainError.validation(let errors) {
                var state = HotlinePage.State()
                state.profileForm = (form["name"] ?? "", names)
                state.profileErrors = errors
                return try await HotlinePage(platform: platform, views: views).render(
                    state, caller: caller, status: .unprocessableContent, context: context)
            }
        }
        routes.post("/hotline/types") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            do {
                let mapping = try HotlineTypeMapping.parse(lines: form["types"] ?? "", fallback: form["fallback"])
                try await HotlineSettings(platform: platform).save(mapping, caller: caller)
                return .redirect(to: "/hotline?saved=types#types", type: .normal)
            } catch DomainError.validation(let errors) {
                var state = HotlinePage.State()
                state.typesForm = (form["types"] ?? "", form["fallback"] ?? "")
                state.typeErrors = errors
                return try await HotlinePage(platform: platform, views: views).render(
                    state, caller: caller, status: .unprocessableContent, context: context)
            }
        }
        routes.get("/hotline/batches/{id}/errors") { request, context in
            let caller = try context.caller()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "导入批次") }
            let format: HotlineBatches.ReportFormat = request.uri.queryParameters["format"] == "csv" ? .csv : .xlsx
            let report = try await HotlineBatches(platform: platform).errorReport(id: id, format: format, caller: caller)
            return Self.download(report.data, filename: report.filename, csv: format == .csv)
        }
        routes.get("/hotline/status-export") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let format: HotlineStatusExport.Format = query["format"] == "csv" ? .csv : .xlsx
            let export = try await HotlineStatusExport(platform: platform).file(
                from: query["from"], to: query["to"], format: format, caller: caller)
            return Self.download(export.data, filename: export.filename, csv: format == .csv)
        }
        routes.post("/api/v1/hotline/batches") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            let data = Data(buffer: try await request.body.collect(upTo: Self.maximumBodyBytes))
            let isJSON = (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json")
            let filename = query["filename"].map(String.init) ?? (isJSON ? "batch.json" : "")
            let report = try await HotlineImport(platform: platform).run(
                data: data, filename: filename, profile: query["profile"].map(String.init), caller: caller)
            return try JSONResponse.encode(report, status: report.applied ? .ok : .unprocessableContent)
        }
    }

    static func download(_ data: Data, filename: String, csv: Bool) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: ContentDisposition.attachment(filename: filename), .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
