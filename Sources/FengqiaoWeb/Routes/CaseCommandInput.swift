import FengqiaoDomain
import FengqiaoServices
import Foundation
import HTTPTypes
import Hummingbird

/// Reads what a case command request carries besides its path: the JSON body (an empty body is an
/// empty command), `If-Match: "<version>"` and `Idempotency-Key`.
struct CaseCommandInput {
    var body: CaseCommandBody
    var expectedVersion: Int?
    var idempotencyKey: String?

    static let idempotencyKeyField = HTTPField.Name("Idempotency-Key")

    static func read(_ request: Request, context: AppRequestContext) async throws -> CaseCommandInput {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var body = CaseCommandBody()
        if buffer.readableBytes > 0 {
            guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
                throw HTTPError(.unsupportedMediaType)
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            body = try decoder.decode(CaseCommandBody.self, from: Data(buffer: buffer))
        }
        return CaseCommandInput(body: body, expectedVersion: try expectedVersion(request.headers),
                                idempotencyKey: idempotencyKey(request.headers))
    }

    static func idempotencyKey(_ headers: HTTPFields) -> String? {
        idempotencyKeyField.flatMap { headers[$0] }
    }

    /// `If-Match: "3"` (also `W/"3"` or `3`); nil when absent.
    static func expectedVersion(_ headers: HTTPFields) throws(DomainError) -> Int? {
        guard let raw = headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        var text = Substring(raw)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        text = Substring(text.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        guard let version = Int(text), version >= 0 else {
            throw .validation([FieldError(field: "If-Match", code: "invalid_format", message: "If-Match 须为案件版本号,如 \"3\"")])
        }
        return version
    }
}
