import Foundation

/// A JSON document decoded strictly, so that a boundary reader can say exactly which part is wrong:
/// `true` is never taken for 1, nor "109.8" for a number (as `JSONSerialization` with `NSNumber` may do).
indirect enum GeoJSONValue: Decodable, Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case array([GeoJSONValue])
    case object([String: GeoJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Arrays first: a boundary is mostly arrays of positions.
        if container.decodeNil() {
            self = .null
        } else if let array = try? container.decode([GeoJSONValue].self) {
            self = .array(array)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else {
            self = .object(try container.decode([String: GeoJSONValue].self))
        }
    }

    /// Reads `text`; nil when it is not JSON.
    static func parse(_ text: String) -> GeoJSONValue? {
        try? JSONDecoder().decode(GeoJSONValue.self, from: Data(text.utf8))
    }

    var array: [GeoJSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    var object: [String: GeoJSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    /// A short name of the JSON type, for messages ("字符串", "数组" …).
    var kindName: String {
        switch self {
        case .number: "数字"
        case .string: "字符串"
        case .bool: "布尔值"
        case .null: "null"
        case .array: "数组"
        case .object: "对象"
        }
    }
}
