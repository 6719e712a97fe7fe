import Foundation

/// A value that is a validated string (a credit code, a department code or name): encoded as the
/// plain string, and decoded through the same validation as any other input.
public protocol ValidatedText: Codable, CustomStringConvertible {
    var rawValue: String { get }
    init(_ text: String, field: String) throws(FieldError)
}

extension ValidatedText {
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let field = decoder.codingPath.last?.stringValue ?? "value"
        do {
            try self.init(text, field: field)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
