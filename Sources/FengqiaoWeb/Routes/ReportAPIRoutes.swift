import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `/api/v1/reports`: residents and other public channels report a matter and follow it by its
/// tracking code, without an account. A report is JSON (`ReportSubmission`), or `multipart/form-data`
/// with the same fields and up to four photos in `photos`; the same validation, rate limits and
/// honeypot as the report page apply. Refusals: 422 `validation_failed` (field codes `required`,
/// `too_long`, `invalid_choice`, `conflict`, `too_many`, `too_large`, `unsupported_type`, `unknown`),
/// 429 `rate_limited` with `Retry-After`, 413 `payload_too_large`, 415 `unsupported_media_type`.
struct ReportAPIRoutes {
    let platform: Platform
    let gate: ReportGate

    func add(to routes: inout RouteTable) {
        routes.post("/api/v1/reports") { request, context in
            try await gate.admit(address: gate.clientAddress(request, context: context))
            var request = request
            let input = try await ReportInput.read(&request, json: true)
            guard input.errors.isEmpty else { throw DomainError.validation(input.errors) }
            let intake = ReportIntake(platform: platform)
            if input.honeypotFilled {
                gate.caughtHoneypot()
                return try JSONResponse.encode(try await intake.decoyReceipt(), status: .created)
            }
            let phone = try await gate.admit(phone: input.submission.contactPhone)
            let receipt: ReportReceipt
            do {
                receipt = try await intake.submit(input.submission, photos: input.photos)
            } catch {
                await gate.refund(phone: phone)
                throw error
            }
            if receipt.replayed { await gate.refund(phone: phone) }
            return try JSONResponse.encode(receipt, status: receipt.replayed ? .ok : .created)
        }
        routes.get("/api/v1/reports/{trackingCode}") { request, context in
            let code = try context.parameters.require("trackingCode")
            // Codes that find nothing count against the client; too many and every look-up is 429.
            let address = gate.clientAddress(request, context: context)
            try await gate.admitLookup(address: address)
            let status = try await CaseTracking(platform: platform).status(trackingCode: code)
            await gate.found(address: address)
            return try JSONResponse.encode(status)
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
