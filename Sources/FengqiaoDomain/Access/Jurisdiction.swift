import Foundation

/// The part of the area tree an account answers for: its area and everything below it. Codes of a
/// subtree share a prefix (市 4 digits, 县 6, 镇 9, 村 12, 网格 15, 微网格 18), so "inside" is a
/// prefix test in code and a range test in SQL (`code >= prefix AND code < upperBound`).
public struct Jurisdiction: Sendable, Hashable, Codable {
    public let root: AreaCode
    public let level: AreaLevel

    public init(root: AreaCode, level: AreaLevel) {
        self.root = root
        self.level = level
    }

    /// The jurisdiction of `root`, at the level its code denotes.
    public init(root: AreaCode) {
        self.init(root: root, level: root.level)
    }

    /// The digits every code inside shares.
    public var prefix: String {
        let length: Int
        switch level {
        case .city: length = 4
        case .county: length = 6
        case .township: length = 9
        case .village: length = 12
        case .grid: length = 15
        case .microGrid: length = 18
        }
        return String(root.rawValue.prefix(length))
    }

    /// The smallest string above every code inside (`:` follows `9` in ASCII).
    public var upperBound: String { prefix + ":" }

    public func contains(_ code: String) -> Bool { code.hasPrefix(prefix) }

    public func contains(_ code: AreaCode) -> Bool { contains(code.rawValue) }
}
