import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `/api/v1/reports`: residents and other public channels report a matter and follow it by its
/// tracking code, without an account.
struct ReportAPIRoutes {
    let platform: Platform

    func add(to routes: inout RouteTable) {
        routes.post("/api/v1/reports") { request, context in
            let submission = try await request.decodeJSON(as: ReportSubmission.self, context: context)
            let receipt = try await ReportIntake(platform: platform).submit(submission)
            return try JSONResponse.encode(receipt, status: receipt.replayed ? .ok : .created)
        }
        routes.get("/api/v1/reports/{trackingCode}") { _, context in
            let code = try context.parameters.require("trackingCode")
            return try JSONResponse.encode(try await CaseTracking(platform: platform).status(trackingCode: code))
        }
    }
}

/// JSON answers with ISO 8601 dates and unescaped Chinese.
enum JSONResponse {
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }
}
