import Foundation
import Hummingbird
import MultipartKit

/// The fields of a `multipart/form-data` body (file uploads), parsed with MultipartKit's parser:
/// each field's value, and for files their name as the browser sent it.
struct MultipartForm {
    struct Field {
        var filename: String?
        var data = Data()
    }

    private(set) var fields: [String: Field] = [:]
    /// Every part of each name in order (a file input with `multiple` sends one part per file).
    private(set) var parts: [String: [Field]] = [:]

    /// The boundary of a multipart content type, nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Parses `body`; throws 400 when it is not well-formed multipart.
    init(_ body: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        var current = Field()
        var name: String?
        var parsed: [String: Field] = [:]
        var all: [String: [Field]] = [:]
        parser.onHeader = { header, value in
            guard header.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: value)
            current.filename = Self.parameter("filename", in: value)
        }
        parser.onBody = { buffer in current.data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            if let name, parsed[name] == nil { parsed[name] = current }
            if let name { all[name, default: []].append(current) }
            current = Field()
            name = nil
        }
        do { try parser.execute(body) } catch { throw HTTPError(.badRequest, message: "上传内容格式不正确") }
        fields = parsed
        parts = all
    }

    subscript(name: String) -> Field? { fields[name] }

    func text(_ name: String) -> String? { fields[name].map { String(decoding: $0.data, as: UTF8.self) } }

    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
