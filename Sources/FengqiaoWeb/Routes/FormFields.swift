import Foundation

/// The fields of an `application/x-www-form-urlencoded` body; the first value of a repeated name wins.
struct FormFields {
    private var values: [String: String] = [:]
    private var repeated: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = parts.first, let name = Self.decode(rawName) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            repeated[name, default: []].append(value)
            if values[name] == nil { values[name] = value }
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// Every value of `name`, in order (checkboxes and multiple selects repeat a name).
    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
