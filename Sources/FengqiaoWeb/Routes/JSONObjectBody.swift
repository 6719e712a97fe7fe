import FengqiaoDomain
import Foundation
import Hummingbird

/// A JSON object body read loosely, for endpoints that carry GeoJSON: a GeoJSON geometry may come as
/// an object or as a string, and is passed on as text for the domain to validate.
struct JSONObjectBody {
    let fields: [String: Any]

    static func read(_ request: Request, context: AppRequestContext) async throws -> JSONObjectBody {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType)
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
            throw DomainError.validation([FieldError(field: "", code: "malformed_body", message: "请求体不是有效的 JSON 对象")])
        }
        return JSONObjectBody(fields: object)
    }

    func string(_ name: String) -> String? { fields[name] as? String }

    func bool(_ name: String) -> Bool { fields[name] as? Bool ?? false }

    func strings(_ name: String) -> [String] { fields[name] as? [String] ?? [] }

    /// A GeoJSON value as text: the string itself, or the object serialised; "" when absent.
    static func geoJSON(_ value: Any?) -> String {
        if let text = value as? String { return text }
        guard let value, JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value)
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    func geoJSON(_ name: String) -> String { Self.geoJSON(fields[name]) }

    /// `parts: [{name, boundary}]`.
    func parts(_ name: String) -> [(name: String, boundary: String)] {
        (fields[name] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", Self.geoJSON($0["boundary"])) }
    }
}
