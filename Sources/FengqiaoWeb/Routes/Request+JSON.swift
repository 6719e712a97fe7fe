import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body, leaving `DecodingError` to `ErrorMapping` (which names the field in
    /// Chinese); Hummingbird's own `decode` would turn it into an English message. Refuses other
    /// content types with 415 and bodies over the limit (the context's, or `limit`) with 413.
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext, limit: Int? = nil) async throws -> T {
        guard let contentType = headers[.contentType], contentType.lowercased().hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType)
        }
        let buffer = try await body.collect(upTo: limit ?? context.maxUploadSize)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: buffer))
    }
}
