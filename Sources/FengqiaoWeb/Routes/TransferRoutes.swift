import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import Foundation
import Hummingbird

/// Imports (CSV/XLSX in, a row-level report out) and exports (XLSX) of base data.
struct TransferRoutes {
    let platform: Platform

    /// Import files may be larger than ordinary request bodies.
    static let maximumImportBytes = SheetLimits.standard.maxFileBytes

    func add(to routes: inout RouteTable) {
        routes.post("/api/v1/imports/people") { request, context in
            let query = request.uri.queryParameters
            let filename = query["filename"].map(String.init) ?? ""
            let data = Data(buffer: try await request.body.collect(upTo: Self.maximumImportBytes))
            let report = try await ResidentImport(platform: platform).run(
                data: data, filename: filename, allOrNothing: query["allOrNothing"] != "false",
                caller: try context.caller())
            return try JSONResponse.encode(report, status: report.applied ? .ok : .unprocessableContent)
        }
        routes.get("/api/v1/exports/people.xlsx") { request, context in
            let area = request.uri.queryParameters["area"].map(String.init)
            let export = try await ResidentExport(platform: platform).xlsx(areaCode: area, caller: try context.caller())
            let filename = "people-\(area ?? "all").xlsx"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: "attachment; filename=\"\(filename)\"", .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: export.data)))
        }
    }
}
